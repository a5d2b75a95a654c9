/**
 * When two reports from different articles may be the same happening: same event type, dates
 * that agree within what each report's precision allows, and places that agree within what each
 * place's precision allows. "Stepanakert shelled on 27 September" and "on 2 October" are two
 * events; a violation "in the Hadrut area" on 11 December and an advance on Khtsaberd on
 * 12 December may be one episode.
 */
import { dayNumber } from '../model/calendar.js';
import { distanceKm } from '../model/geo.js';
import type { ArticleEvent } from '../model/event.js';
import type { Report } from './report.js';

/** Largest distance between two places of one event, by the coarser place's ACLED precision. */
const MAX_KM: Record<1 | 2 | 3, number> = { 1: 15, 2: 40, 3: 150 };

function daysApart(a: string, b: string): number {
  return a === b ? 0 : Math.abs(dayNumber(a) - dayNumber(b));
}

function datesAgree(a: ArticleEvent, b: ArticleEvent): boolean {
  if (!a.date || !b.date) return false;
  const coarse = [a.date_precision, b.date_precision];
  const tolerance = coarse.includes('month') ? 31 : coarse.includes('week') ? 7 : coarse.includes('year') ? 366 : 1;
  if (coarse.includes('month') && a.date.slice(0, 7) !== b.date.slice(0, 7)) return false;
  if (coarse.includes('year') && a.date.slice(0, 4) !== b.date.slice(0, 4)) return false;
  return daysApart(a.date, b.date) <= tolerance;
}

function placesAgree(a: ArticleEvent, b: ArticleEvent): boolean {
  const pa = a.location;
  const pb = b.location;
  if (!pa || !pb) return a.date === b.date && a.sub_event_type === b.sub_event_type;
  if (pa.country && pb.country && pa.country !== pb.country && Math.max(pa.geo_precision, pb.geo_precision) < 3) return false;
  const precision = Math.max(pa.geo_precision, pb.geo_precision) as 1 | 2 | 3;
  return distanceKm(pa, pb) <= MAX_KM[precision];
}

function typesAgree(a: ArticleEvent, b: ArticleEvent): boolean {
  if (a.event_type !== b.event_type) return false;
  // Battle sub-types describe one fight from different angles (a clash, a village taken).
  return a.event_type === 'Battles' || a.sub_event_type === b.sub_event_type;
}

function sidesAgree(a: ArticleEvent, b: ArticleEvent): boolean {
  // Sides may disagree on who started a fight (that is a contradiction, not two fights).
  if (a.event_type === 'Battles' || a.event_type === 'Explosions/Remote violence') return true;
  const sa = a.actor1?.side;
  const sb = b.actor1?.side;
  return !sa || !sb || sa === sb;
}

/** True when two reports (of different articles) can describe one event. Symmetric. */
export function reportsCompatible(a: Report, b: Report): boolean {
  if (a.article.id === b.article.id) return false;
  return typesAgree(a.event, b.event) && datesAgree(a.event, b.event) && placesAgree(a.event, b.event) && sidesAgree(a.event, b.event);
}
