export { Ratio, distinctCzech, distinctEnglish, pointsCs, pointsEn } from './ratio.js';
export {
  checkSheet,
  maxPoints,
  orderedCriteria,
  scoreApplication,
  sheetResult,
  type ApplicationScore,
  type Criterion,
  type CriterionScore,
  type ScoreApplicationInput,
  type SheetInput,
  type SheetProblem,
  type SheetProblemCode,
  type SheetResult,
  type ThresholdFailure,
  type ThresholdFailureCode,
} from './score.js';
export {
  rankArea,
  recommend,
  type RankedApplication,
  type RankingCandidate,
  type Recommendation,
  type RecommendationInput,
  type RecommendationLine,
  type RecommendationReason,
  type RecommendationStrategy,
} from './recommend.js';
