import type { CodegenConfig } from '@graphql-codegen/cli';

/** Types for every document in explorer/src/queries/, generated from schema.graphql (paths from the repo root). */
const config: CodegenConfig = {
  schema: 'schema.graphql',
  documents: ['explorer/src/queries/*.ts'],
  ignoreNoDocuments: false,
  generates: {
    'explorer/src/gql/': {
      preset: 'client',
      presetConfig: { fragmentMasking: false },
      config: { useTypeImports: true, scalars: { Date: 'string', PartialDate: 'string' } },
    },
  },
};

export default config;
