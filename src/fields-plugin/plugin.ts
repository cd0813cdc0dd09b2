import { BasePlugin, type PothosOutputFieldConfig, type SchemaTypes } from '@pothos/core';

/** Keeps what a field reads, declared with its `reads` option, under its `plannerReads` extension. */
export class PlannedFieldsPlugin<Types extends SchemaTypes> extends BasePlugin<Types> {
  override onOutputFieldConfig(
    fieldConfig: PothosOutputFieldConfig<Types>,
  ): PothosOutputFieldConfig<Types> {
    const { reads } = fieldConfig.pothosOptions;
    if (reads === undefined) return fieldConfig;
    return { ...fieldConfig, extensions: { ...fieldConfig.extensions, plannerReads: reads } };
  }
}
