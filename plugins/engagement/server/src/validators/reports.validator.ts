/** zod at the edge of the report API: periods and filters as a report page puts them in its URL. */
import { z } from 'zod';

import { KPI_METRICS } from '../domain/kpi-targets';
import { networkOf } from './network.validator';

const MAX_DAYS = 800;

const day = (what: string) =>
  z
    .string({ required_error: `${what} is required (YYYY-MM-DD)` })
    .regex(/^\d{4}-\d{2}-\d{2}$/, `${what} must be a day, YYYY-MM-DD`)
    .refine(
      // Refinements also run on values the regex refused: never throw here.
      (value) => {
        const time = Date.parse(`${value}T00:00:00Z`);
        return Number.isFinite(time) && new Date(time).toISOString().slice(0, 10) === value;
      },
      `${what} is not a calendar day`
    );

const documentId = (what: string) =>
  z
    .string()
    .trim()
    .regex(/^[a-z0-9]{1,64}$/i, `${what} must be a document id`);

/** The period and filters of a report, the network among those cross-post publishes to (`registeredNetworks`). */
export const periodQuery = (networks: readonly string[]) =>
  z
    .object({
      from: day('from'),
      to: day('to'),
      compare: z
        .enum(['previous', 'year'], { errorMap: () => ({ message: 'compare must be previous or year' }) })
        .default('previous'),
      campaign: documentId('campaign').optional(),
      network: networkOf(networks).optional(),
      format: z
        .enum(['json', 'csv'], { errorMap: () => ({ message: 'format must be json or csv' }) })
        .default('json'),
    })
    .refine((query) => query.from <= query.to, { message: 'from must not be after to', path: ['from'] })
    .refine((query) => (Date.parse(query.to) - Date.parse(query.from)) / 86_400_000 < MAX_DAYS, {
      message: `a report covers at most ${MAX_DAYS} days`,
      path: ['to'],
    });

export type PeriodQuery = {
  from: string;
  to: string;
  compare: 'previous' | 'year';
  campaign?: string;
  network?: string;
  format: 'json' | 'csv';
};

export const formatQuery = z.object({
  format: z
    .enum(['json', 'csv'], { errorMap: () => ({ message: 'format must be json or csv' }) })
    .default('json'),
});

export const documentParams = z.object({ documentId: documentId('documentId') });

export const targetsCheckBody = (networks: readonly string[]) =>
  z
    .object({
      targets: z
        .array(
          z
            .object({
              metric: z.enum(KPI_METRICS, {
                errorMap: () => ({ message: `metric must be one of ${KPI_METRICS.join(', ')}` }),
              }),
              network: networkOf(networks).nullable().optional(),
            })
            .strict(),
          { required_error: 'targets is required', invalid_type_error: 'targets must be a list' }
        )
        .max(50, 'at most 50 targets'),
      networks: z.array(networkOf(networks, 'each of networks')).max(20).optional(),
    })
    .strict();
