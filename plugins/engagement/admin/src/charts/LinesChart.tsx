import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { useTheme } from 'styled-components';

import { seriesColour } from './palette';

export type LineSeries = {
  key: string;
  label: string;
  network?: string | null;
  points: Array<{ x: number | string; y: number | null }>;
};

export type LinesChartProps = {
  series: LineSeries[];
  /** Numbers on a numeric axis (hours since posting), or categories (days). */
  numericX?: { min: number; max: number; ticks?: number[] };
  step?: boolean;
  formatX: (x: number | string) => string;
  formatY: (y: number | null) => string;
};

/** Several series over time: each delivery's first hours, each account's followers. */
const LinesChart = ({ series, numericX, step = false, formatX, formatY }: LinesChartProps) => {
  const theme = useTheme();
  return (
    <ResponsiveContainer width="100%" height={280}>
      <LineChart margin={{ top: 8, right: 16, bottom: 0, left: 0 }}>
        <CartesianGrid stroke={theme.colors.neutral150} vertical={false} />
        <XAxis
          dataKey="x"
          type={numericX ? 'number' : 'category'}
          domain={numericX ? [numericX.min, numericX.max] : undefined}
          ticks={numericX?.ticks}
          allowDuplicatedCategory={false}
          tickFormatter={formatX}
          tick={{ fontSize: 12 }}
        />
        <YAxis tick={{ fontSize: 12 }} width={64} tickFormatter={(value) => formatY(Number(value))} />
        <Tooltip
          labelFormatter={(x) => formatX(x as number | string)}
          formatter={(value) => formatY(value === null || value === undefined ? null : Number(value))}
        />
        <Legend />
        {series.map((line, index) => (
          <Line
            key={line.key}
            data={line.points}
            dataKey="y"
            name={line.label}
            type={step ? 'stepAfter' : 'monotone'}
            stroke={seriesColour(index, line.network)}
            strokeWidth={2}
            dot={false}
            connectNulls
            isAnimationActive={false}
          />
        ))}
      </LineChart>
    </ResponsiveContainer>
  );
};

export default LinesChart;
