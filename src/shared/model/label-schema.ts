// The label schema: span labels (colour, line style, hotkey, guideline) and relation types (shared layer).
// Stored in the workspace; the default ships as data/schema.default.json and is validated with this schema.
import { z } from 'zod';
import { idString } from './ids';

export const lineStyles = ['solid', 'dashed', 'dotted', 'double'] as const;
export type LineStyle = (typeof lineStyles)[number];

export const attributeDefSchema = z.object({
  id: idString,
  name: z.string().min(1).max(80),
  values: z.array(z.string().min(1).max(80)).max(50),
});

export const labelDefSchema = z.object({
  id: idString,
  name: z.string().min(1).max(80),
  /** #rrggbb; the default palette is Okabe-Ito, distinguishable with the common colour-vision deficiencies. */
  color: z.string().regex(/^#[0-9a-fA-F]{6}$/),
  /** A second visual channel besides colour, so labels stay distinct without colour vision. */
  lineStyle: z.enum(lineStyles),
  hotkey: z
    .string()
    .regex(/^[0-9a-z]$/)
    .optional(),
  guideline: z.string().max(4000).default(''),
  attributes: z.array(attributeDefSchema).max(20).default([]),
});

export const relationTypeDefSchema = z.object({
  id: idString,
  name: z.string().min(1).max(80),
  from: z.array(idString).min(1),
  to: z.array(idString).min(1),
});

export const labelSchemaSchema = z.object({
  labels: z.array(labelDefSchema).min(1).max(50),
  relationTypes: z.array(relationTypeDefSchema).max(50).default([]),
});

export type AttributeDef = z.infer<typeof attributeDefSchema>;
export type LabelDef = z.infer<typeof labelDefSchema>;
export type RelationTypeDef = z.infer<typeof relationTypeDefSchema>;
export type LabelSchema = z.infer<typeof labelSchemaSchema>;
