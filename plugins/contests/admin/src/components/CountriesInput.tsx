import { forwardRef, useMemo } from 'react';
import { Box, Field, MultiSelect, MultiSelectOption } from '@strapi/design-system';
import { useIntl } from 'react-intl';

import { COUNTRY_CODES } from '../../../server/src/domain/countries';
import { useT } from '../hooks/useT';

/** What the Content Manager gives a custom field's input (Strapi 5.54 InputRenderer). */
type Props = {
  name: string;
  label?: string;
  hint?: string | React.ReactNode;
  error?: string;
  required?: boolean;
  disabled?: boolean;
  value?: unknown;
  onChange: (name: string, value: unknown) => void;
};

/**
 * The countries a contest is open to, picked by their names in the admin's language (sorted as
 * that language sorts them) and stored as ISO codes. None picked: open to every country.
 */
export const CountriesInput = forwardRef<HTMLDivElement, Props>(
  ({ name, label, hint, error, required, disabled, value, onChange }, ref) => {
    const t = useT();
    const { locale } = useIntl();
    const picked = Array.isArray(value)
      ? value.filter((code): code is string => typeof code === 'string')
      : [];
    const countries = useMemo(() => {
      const names = new Intl.DisplayNames([locale], { type: 'region' });
      return COUNTRY_CODES.map((code) => ({ code, name: names.of(code) ?? code })).sort((a, b) =>
        a.name.localeCompare(b.name, locale)
      );
    }, [locale]);

    return (
      <Field.Root name={name} hint={hint ?? t('countries.hint')} error={error} required={required}>
        <Field.Label>{label}</Field.Label>
        {/* The select's own props stop at a provider that renders nothing: the test id goes here. */}
        <Box data-testid="countries-input">
          <MultiSelect
            ref={ref}
            value={picked}
            onChange={(codes: string[]) => onChange(name, codes)}
            onClear={() => onChange(name, [])}
            clearLabel={t('countries.clear')}
            placeholder={t('countries.placeholder')}
            disabled={disabled}
            withTags
          >
            {countries.map(({ code, name: countryName }) => (
              <MultiSelectOption key={code} value={code}>
                {countryName}
              </MultiSelectOption>
            ))}
          </MultiSelect>
        </Box>
        <Field.Hint />
        <Field.Error />
      </Field.Root>
    );
  }
);
CountriesInput.displayName = 'CountriesInput';
