/**
 * The 一体化 standard shape in the HTTP contract: the zod schemas derived from the mapping table
 * (src/standard/schema.ts), the `?shape=` parameter and the content negotiation of the answer.
 */
export {
  STANDARD_MEDIA_TYPE,
  ShapeQuerySchema,
  StandardAnswerSchema,
  StandardBodySchema,
  standardContentType,
  wantsStandard,
} from '../../standard/schema.js';
