import SchemaBuilder from '@pothos/core';
import DataloaderPlugin from '@pothos/plugin-dataloader';
import ErrorsPlugin from '@pothos/plugin-errors';
import RelayPlugin from '@pothos/plugin-relay';
import ValidationPlugin from '@pothos/plugin-validation';
import type { Context } from './context.ts';
import { AppError } from './errors.ts';
import type { PartialDate } from './knowledge/partial-date.ts';

/** The one schema builder: plugins, scalars and the context type. Object types live in schema/. */
export const builder = new SchemaBuilder<{
  Context: Context;
  DefaultFieldNullability: false;
  DefaultEdgesNullability: false;
  DefaultNodeNullability: false;
  Scalars: {
    PartialDate: { Input: PartialDate; Output: PartialDate };
    Date: { Input: string; Output: string };
  };
}>({
  plugins: [ErrorsPlugin, DataloaderPlugin, RelayPlugin, ValidationPlugin],
  defaultFieldNullability: false,
  errors: { defaultTypes: [AppError] },
  relay: {
    clientMutationId: 'omit',
    cursorType: 'String',
    edgesFieldOptions: { nullable: false },
    nodeFieldOptions: { nullable: false },
  },
});

builder.queryType({ description: 'Entry points into the knowledge graph.' });
