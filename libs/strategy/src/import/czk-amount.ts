import { cleanText } from './text.js';

// Money never goes through a binary float: amounts are rebuilt digit by digit as strings.

/** Powers of ten for the Czech scale words that follow an amount. */
const SCALE_EXPONENTS: Readonly<Record<string, number>> = {
  tis: 3,
  tisíc: 3,
  mil: 6,
  milion: 6,
  miliony: 6,
  milionů: 6,
  mld: 9,
  miliard: 9,
  miliardy: 9,
};

// One amount with its optional decorations, e.g. '1 500 000 Kč', '1,5 mil. Kč', '500 tis. Kč',
// '250.000,-', '350.000 / rok', '90.000 Kč (grafika, tisk)'. Groups of three digits may be split
// by a dot or a space; a comma starts the decimals, and so does a dot followed by one or two digits.
// A trailing parenthesis is tolerated only when it holds no digits, so a note cannot hide a second amount.
const SINGLE_AMOUNT = new RegExp(
  '^(?<whole>\\d{1,3}(?:[ .]\\d{3})+|\\d+)' +
    '(?:,(?<commaDecimals>\\d+)|\\.(?<dotDecimals>\\d{1,2}))?' +
    '(?:,-{1,2})?' +
    '(?:\\s*(?<scale>tis|tisíc|mil|milion|miliony|milionů|mld|miliard|miliardy)\\.?)?' +
    '(?:\\s*(?:Kč|CZK))?' +
    '(?:\\s*,-{1,2})?' +
    '(?:\\s*(?:/\\s*rok|ročně|za rok))?' +
    '(?:\\s*\\([^()\\d]*\\))?$',
  'u',
);

/**
 * Parses text that is exactly one amount of CZK into a decimal string with two places
 * ('1500000.00'); returns null for anything else (ranges, prose, several amounts).
 */
export function parseCzkAmount(text: string): string | null {
  const match = SINGLE_AMOUNT.exec(cleanText(text));
  if (!match?.groups) return null;
  const { whole, commaDecimals, dotDecimals, scale } = match.groups;
  const exponent = scale === undefined ? 0 : SCALE_EXPONENTS[scale];
  return toDecimalString(whole.replace(/[ .]/g, ''), commaDecimals ?? dotDecimals ?? '', exponent);
}

/** Shifts `whole,decimals` by 10^exponent and renders it with exactly two decimal places. */
function toDecimalString(wholeDigits: string, decimalDigits: string, exponent: number): string | null {
  const digits = wholeDigits + decimalDigits;
  const pointIndex = wholeDigits.length + exponent;
  const integerPart = pointIndex >= digits.length ? digits + '0'.repeat(pointIndex - digits.length) : digits.slice(0, pointIndex);
  const fraction = pointIndex >= digits.length ? '' : digits.slice(pointIndex);
  // Precision below one haléř is not "a clear amount of CZK".
  if (/[1-9]/.test(fraction.slice(2))) return null;
  const integer = integerPart.replace(/^0+(?=\d)/, '');
  return `${integer}.${fraction.slice(0, 2).padEnd(2, '0')}`;
}

interface YearSegment {
  years: number[];
  text: string;
}

// A year label inside a cost cell: '2022:', 'r. 2022 -', 'r. 2023 –', '2022/2023:'. A dash counts
// only when followed by a space, so '0,-' or a range '1.000.000 – 2.000.000' is not taken for one.
const YEAR_LABEL = /(?<=^|[\s;])(?:r\.\s*)?((?:19|20)\d{2})(?:\s*\/\s*((?:19|20)\d{2}))?\s*(?::|[-–](?=\s))/gu;

/** Splits 'r. 2022 - 300.000 r. 2023 - 300.000' into labelled segments; null when there is no label. */
function splitByYearLabels(text: string): { lead: string; segments: YearSegment[] } | null {
  const labels = [...text.matchAll(YEAR_LABEL)];
  if (labels.length === 0) return null;
  const segments = labels.map((label, index) => {
    const start = (label.index ?? 0) + label[0].length;
    const end = index + 1 < labels.length ? (labels[index + 1].index ?? text.length) : text.length;
    const years = [label[1], label[2]].filter((year): year is string => year !== undefined).map((year) => Number.parseInt(year, 10));
    return { years, text: text.slice(start, end).trim().replace(/[;,]$/, '').trim() };
  });
  return { lead: text.slice(0, labels[0].index ?? 0).trim(), segments };
}

/**
 * The yearly cost in an action plan's "estimated costs" cell, as a decimal string, or null.
 *
 * - An unlabelled cell must be exactly one amount ('90.000 Kč', '350.000 / rok'); the column is
 *   defined as costs per year.
 * - A cell broken down by year ('2022: 15.000 Kč 2023: 25.000 Kč') yields the amount of the plan's
 *   own year, if that segment is one amount. A label spanning years ('2022/2023: 15.000 Kč') is a
 *   total for the period, not a yearly figure, so it never matches.
 * - Ranges, "dle rozpočtu…", amounts plus grant money ('15.000 Kč + prostřednictvím dotačního
 *   programu') and period totals ('… za období AP') are not one clear yearly number.
 */
export function yearlyCostCzk(costsText: string | null, planYear: number | null): string | null {
  if (costsText === null) return null;
  const text = cleanText(costsText);
  const split = splitByYearLabels(text);
  if (split === null) return parseCzkAmount(text);
  if (planYear === null || split.lead !== '') return null;
  const ofPlanYear = split.segments.filter((segment) => segment.years.length === 1 && segment.years[0] === planYear);
  return ofPlanYear.length === 1 ? parseCzkAmount(ofPlanYear[0].text) : null;
}
