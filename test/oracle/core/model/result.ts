/** The result's shapes are zod declarations without numbers: the oracle shares src/'s. */
export * from '../../../../src/core/model/result.js';
