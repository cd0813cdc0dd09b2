import { builder } from '../builder.ts';
import { CAMEO_CODES, type CameoCode, QUAD_CLASSES } from '../knowledge/cameo.ts';
import { EventRef, IncidentRef } from './kinds.ts';

export const QuadClassEnum = builder.enumType('QuadClass', {
  description:
    'CAMEO’s four quad classes, as GDELT groups root categories: verbal or material, cooperation ' +
    'or conflict.',
  values: {
    VERBAL_COOPERATION: { value: 1, description: QUAD_CLASSES[1] },
    MATERIAL_COOPERATION: { value: 2, description: QUAD_CLASSES[2] },
    VERBAL_CONFLICT: { value: 3, description: QUAD_CLASSES[3] },
    MATERIAL_CONFLICT: { value: 4, description: QUAD_CLASSES[4] },
  } as const,
});

/** A CAMEO code as the API shows it. */
export const CameoCodeRef = builder.objectRef<CameoCode>('CameoCode').implement({
  description:
    'A code of the CAMEO event codebook (Schrodt et al., as GDELT and ICEWS code events), with its ' +
    'root category, quad class and Goldstein weight (data/codebooks/cameo.tsv names its source).',
  fields: (t) => ({
    code: t.exposeString('code', { description: 'The code: "055", "111", "1123".' }),
    name: t.exposeString('name', { description: 'What the code means: "Apologize".' }),
    root: t.exposeString('root', { description: 'The two-digit root category: "05".' }),
    rootName: t.exposeString('rootName', {
      description: 'The root category’s name: "ENGAGE IN DIPLOMATIC COOPERATION".',
    }),
    quadClass: t.field({
      type: QuadClassEnum,
      description: 'Verbal or material, cooperation or conflict.',
      resolve: (code) => code.quadClass,
    }),
    goldstein: t.exposeFloat('goldstein', {
      description: 'The Goldstein weight: -10 (most conflictual) to +10 (most cooperative).',
    }),
  }),
});

for (const ref of [EventRef, IncidentRef]) {
  builder.objectFields(ref, (t) => ({
    cameo: t.property('cameo', {
      type: CameoCodeRef,
      nullable: true,
      description:
        'Its CAMEO event code, with root category, quad class and Goldstein weight; null only ' +
        'for a graph written before events were coded.',
      from: (code) => (typeof code === 'string' ? (CAMEO_CODES.get(code) ?? null) : null),
    }),
  }));
}
