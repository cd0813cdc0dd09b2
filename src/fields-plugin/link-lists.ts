import SchemaBuilder, { type SchemaTypes } from '@pothos/core';
import type { LinkListsOptions } from './global-types.ts';

const linkLists = new WeakMap<object, LinkListsOptions<SchemaTypes>>();

const schemaBuilderProto = SchemaBuilder.prototype as PothosSchemaTypes.SchemaBuilder<SchemaTypes>;

schemaBuilderProto.linkLists = function register(options) {
  linkLists.set(this, options);
};

/** What the schema gave `builder.linkLists`; an error naming the call when it gave nothing. */
export function linkListsOf(builder: object): LinkListsOptions<SchemaTypes> {
  const options = linkLists.get(builder);
  if (!options)
    throw new Error('t.links needs builder.linkLists({ connection }) before toSchema()');
  return options;
}
