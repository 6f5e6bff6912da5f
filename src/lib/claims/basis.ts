import { loadRecord } from '../articles/evidence';
import { resolveRecordNumber } from '../records/field-path';
import type { Claim, Condition, DataPoint } from './types';

export interface EvaluatedCondition {
  condition: Condition;
  value: number;
  than: number;
  holds: boolean;
}

type Reader = (point: DataPoint) => number;

const readRecordNumber: Reader = (point) => resolveRecordNumber(loadRecord(point.of), point.at);

function compare(value: number, op: Condition['op'], than: number, within: number | undefined): boolean {
  switch (op) {
    case '≈':
      if (within === undefined) throw new Error("'≈' needs a relative tolerance `within`");
      return Math.abs(value - than) <= within * Math.abs(than);
    case '<':
      return value < than;
    case '<=':
      return value <= than;
    case '>':
      return value > than;
    case '>=':
      return value >= than;
  }
}

/** Each condition of the claim with the numbers it compares; a missing field throws, naming it. */
export function evaluateBasis(claim: Claim, read: Reader = readRecordNumber): EvaluatedCondition[] {
  return claim.basis.map((condition) => {
    const at = (point: DataPoint) => {
      try {
        return read(point);
      } catch (error) {
        throw new Error(`claim "${claim.id}": condition "${condition.says}": ${point.of} ${point.at}: ${(error as Error).message}`);
      }
    };
    const value = at(condition.value);
    const than = typeof condition.than === 'number' ? condition.than : at(condition.than);
    return { condition, value, than, holds: compare(value, condition.op, than, condition.within) };
  });
}

/** Throws, naming the claim and the condition, when the data no longer support a verdict. */
export function assertBasis(claim: Claim, read: Reader = readRecordNumber): EvaluatedCondition[] {
  const evaluated = evaluateBasis(claim, read);
  const broken = evaluated.filter((e) => !e.holds);
  if (broken.length > 0) {
    const list = broken.map((e) => `"${e.condition.says}" (${e.value} ${e.condition.op} ${e.than} is false)`).join('; ');
    throw new Error(`claim "${claim.id}" (verdict: ${claim.verdict}) rests on data that no longer support it: ${list}. Revisit the verdict in src/lib/claims/ledger.ts.`);
  }
  return evaluated;
}
