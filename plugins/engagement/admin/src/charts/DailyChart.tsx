import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { useTheme } from 'styled-components';

export type DailyChartProps = {
  rows: Array<{ day: string; value: number | null }>;
  label: string;
  formatDay: (day: string) => string;
  formatValue: (value: number | null) => string;
};

/** A period day by day: one bar per day; a day with nothing measured has no bar (not a bar of 0). */
const DailyChart = ({ rows, label, formatDay, formatValue }: DailyChartProps) => {
  const theme = useTheme();
  return (
    <ResponsiveContainer width="100%" height={260}>
      <BarChart data={rows} margin={{ top: 8, right: 8, bottom: 0, left: 0 }}>
        <CartesianGrid stroke={theme.colors.neutral150} vertical={false} />
        <XAxis dataKey="day" tickFormatter={formatDay} tick={{ fontSize: 12 }} minTickGap={16} />
        <YAxis tick={{ fontSize: 12 }} width={56} allowDecimals={false} />
        <Tooltip
          labelFormatter={(day) => formatDay(String(day))}
          formatter={(value) => [
            formatValue(value === null || value === undefined ? null : Number(value)),
            label,
          ]}
        />
        <Bar dataKey="value" name={label} fill={theme.colors.primary600} isAnimationActive={false} />
      </BarChart>
    </ResponsiveContainer>
  );
};

export default DailyChart;
