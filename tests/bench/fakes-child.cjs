// The fake networks in a process of their own (tests/bench/fakes-process.ts starts it): a benchmark
// then counts only the app's own work, as with real networks on other machines.
require('../../scripts/fakes-ts-register.cjs');
const { startFakes } = require('../fakes/index.ts');

startFakes().then((fakes) => {
  const answer = (message) => {
    const fake = message.network ? fakes[message.network] : null;
    switch (message.op) {
      case 'configure':
        fake.configure(message.options);
        return null;
      case 'stats':
        return {
          published: fake.published.length,
          duplicates: fake.duplicates().length,
          rateLimited: fake.rateLimitedCount,
        };
      case 'cpu': {
        const { user, system } = process.cpuUsage();
        return (user + system) / 1000;
      }
      case 'stop':
        return fakes.stop().then(() => null);
      default:
        throw new Error(`unknown operation ${message.op}`);
    }
  };
  process.on('message', async (message) => {
    try {
      process.send({ id: message.id, result: await answer(message) });
    } catch (error) {
      process.send({ id: message.id, error: String(error?.stack ?? error) });
    }
  });
  process.send({ ready: Object.fromEntries(fakes.all.map((fake) => [fake.network, fake.baseUrl])) });
});
