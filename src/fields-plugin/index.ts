import './global-types.ts';
import './field-builder.ts';
import './link-lists.ts';
import SchemaBuilder from '@pothos/core';
import { PlannedFieldsPlugin } from './plugin.ts';

const pluginName = 'plannedFields';

/**
 * Field builder methods for stored fields (`t.property`, `t.properties`, `t.text`, `t.date`) and
 * link lists (`t.links`), and the `reads` field option: what a field reads, for the planner, kept
 * under the field's `plannerReads` extension (typed in planner/reads.ts).
 */
export default pluginName;

SchemaBuilder.registerPlugin(pluginName, PlannedFieldsPlugin);
