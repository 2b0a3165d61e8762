/** The code table is data, not arithmetic: the oracle shares src/'s (one table of codes and messages). */
export * from '../../../src/core/codes.js';
