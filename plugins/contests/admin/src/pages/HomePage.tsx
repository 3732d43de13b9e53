import { useEffect, useState } from 'react';
import { Box, Main, Typography } from '@strapi/design-system';
import { Layouts, useFetchClient } from '@strapi/strapi/admin';
import { useIntl } from 'react-intl';

import { PLUGIN_ID } from '../pluginId';
import { getTranslation } from '../utils/getTranslation';

type Status = { plugin: string; services: string[] };

const HomePage = () => {
  const { formatMessage } = useIntl();
  const { get } = useFetchClient();
  const [status, setStatus] = useState<Status | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    get<{ data: Status }>(`/${PLUGIN_ID}/status`)
      .then(({ data }) => setStatus(data.data))
      .catch((err: Error) => setError(err.message));
  }, [get]);

  return (
    <Main>
      <Layouts.Header
        title={formatMessage({ id: getTranslation('status.title') })}
        subtitle={formatMessage({ id: getTranslation('plugin.description') })}
      />
      <Layouts.Content>
        <Box background="neutral0" padding={6} shadow="tableShadow" hasRadius>
          {error ? (
            <Typography textColor="danger600">
              {formatMessage({ id: getTranslation('status.error') }, { message: error })}
            </Typography>
          ) : status ? (
            <>
              <Typography variant="omega" tag="p" data-testid="plugin-status">
                {formatMessage({ id: getTranslation('status.loaded') })}
              </Typography>
              <Typography variant="pi" textColor="neutral600">
                {formatMessage({ id: getTranslation('status.services') }, { services: status.services.join(', ') })}
              </Typography>
            </>
          ) : (
            <Typography>{formatMessage({ id: getTranslation('status.loading') })}</Typography>
          )}
        </Box>
      </Layouts.Content>
    </Main>
  );
};

export { HomePage };
