/** Counters a network may report (null: the network does not measure it, never 0): the server's own list. */
export { METRIC_COUNTERS, type MetricCounter } from '@porte-voix/kit/contracts';
