import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

import { bootStrapi, type TestApp } from '../../harness/strapi';
import { createContest, entryBody, QUIET_ENV, setWindow } from './contest-fixtures';
import { verifyDrawCli } from './verify-draw-cli';

const DAY = 24 * 3600 * 1000;
const FIRST = ['Camille', 'Youssef', 'Léa', 'Hugo', 'Inès', 'Théo'];
const LAST = ['Durand', 'Benali', 'Martin', 'Lefèvre', 'Moreau'];

/**
 * `npm run verify-draw` recomputes a draw from the public state: OK against the real app, and a
 * precise complaint for each kind of tampering, served by a local HTTP server.
 */
describe('verify-draw', () => {
  let app: TestApp;
  let url: string;
  let state: any;
  let commitment: string;
  let server: Server;
  let served: unknown;
  let tamperedUrl: string;

  beforeAll(async () => {
    app = await bootStrapi({ env: QUIET_ENV });
    app.strapi.plugin('email').service('email').send = async () => undefined;
    const token = await app.adminToken();
    const contest = await createContest(app.strapi, {
      entryOpensAt: new Date(Date.now() + 60_000).toISOString(),
      winnersCount: 3,
      substitutesCount: 3,
    });
    commitment = (
      await app.http().post(`/contests/${contest}/commit`).set('Authorization', `Bearer ${token}`)
    ).body.data.commitment;
    await setWindow(app.strapi, contest, new Date(Date.now() - DAY), new Date(Date.now() + DAY));
    for (let i = 0; i < 30; i += 1) {
      const response = await app
        .http()
        .post(`/api/contests/${contest}/entries`)
        .send(entryBody({ name: `${FIRST[i % 6]} ${LAST[Math.floor(i / 6)]}` }));
      expect(response.status).toBe(201);
    }
    await setWindow(app.strapi, contest, new Date(Date.now() - DAY), new Date(Date.now() - 1000));
    url = `${await app.listen()}/api/contests/${contest}`;

    server = createServer((_, response) => {
      response.setHeader('content-type', 'application/json');
      response.end(JSON.stringify(served));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    tamperedUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/contests/${contest}`;

    // Before the draw there is nothing to verify yet, and the tool says so.
    const early = await verifyDrawCli(url);
    expect(early.code).toBe(2);
    expect(early.output).toContain(`NOT DRAWN YET: commitment ${commitment}`);

    const draw = await app
      .http()
      .post(`/contests/${contest}/draw`)
      .set('Authorization', `Bearer ${token}`)
      .send({ beacon: 'drand:quicknet:12345678' });
    expect(draw.status).toBe(200);
    state = (await app.http().get(`/api/contests/${contest}`)).body.data;
  });
  afterAll(async () => {
    await new Promise((resolve) => server?.close(resolve));
    await app?.stop();
  });

  const serve = async (data: unknown, extra: string[] = []) => {
    served = { data };
    return verifyDrawCli(tamperedUrl, extra);
  };
  const copy = () => JSON.parse(JSON.stringify(state));

  it('says OK for the real draw, against the running app, with the commitment noted before the opening', async () => {
    const outcome = await verifyDrawCli(url, ['--commitment', commitment]);
    expect(outcome.code).toBe(0);
    expect(outcome.output).toContain(
      'OK: 30 entries, beacon "drand:quicknet:12345678", 3 winners, 3 substitutes'
    );
    expect(outcome.output).toContain(`winners: ${state.winners.join(', ')}`);
    expect((await serve(copy())).code).toBe(0);
  });

  it('detects a tampered seed', async () => {
    const tampered = copy();
    tampered.seed = tampered.seed.replace(/^./, (c: string) => (c === '0' ? '1' : '0'));
    const outcome = await serve(tampered);
    expect(outcome.code).toBe(1);
    expect(outcome.output).toContain(`- commitment: published ${state.commitment}, but sha256(seed) is`);
  });

  it('detects a seed and commitment replaced together, given the commitment noted before the opening', async () => {
    const tampered = copy();
    tampered.seed = 'f'.repeat(64);
    tampered.commitment = require('node:crypto')
      .createHash('sha256')
      .update(Buffer.from(tampered.seed, 'hex'))
      .digest('hex');
    const outcome = await serve(tampered, ['--commitment', commitment]);
    expect(outcome.code).toBe(1);
    expect(outcome.output).toContain(`but the one noted before the opening is ${commitment}`);
  });

  it('detects a tampered entry list (an entry removed, or one slipped in)', async () => {
    const removed = copy();
    removed.entryIds = removed.entryIds.filter((id: string) => id !== state.winners[0]);
    const outcome = await serve(removed);
    expect(outcome.code).toBe(1);
    expect(outcome.output).toContain(
      `- entriesHash: published ${state.entriesHash}, but the published entryIds hash to`
    );

    const added = copy();
    added.entryIds = [...added.entryIds, 'f'.repeat(32)];
    expect((await serve(added)).output).toContain('- entriesHash: published');
  });

  it('detects a tampered ranking and tampered winners', async () => {
    const swapped = copy();
    [swapped.ranking[0], swapped.ranking[1]] = [swapped.ranking[1], swapped.ranking[0]];
    const outcome = await serve(swapped);
    expect(outcome.code).toBe(1);
    expect(outcome.output).toContain(
      `- ranking differs at position 1: published ${state.ranking[1]}, recomputed ${state.ranking[0]}`
    );

    const otherWinner = copy();
    otherWinner.winners[2] = otherWinner.substitutes[0];
    const winners = await serve(otherWinner);
    expect(winners.code).toBe(1);
    expect(winners.output).toContain('- winners differs at position 3');
  });

  it('detects a beacon changed after the fact', async () => {
    const tampered = copy();
    tampered.beacon = 'drand:quicknet:12345679';
    expect((await serve(tampered)).output).toContain('- ranking differs at position');
  });

  it('exits 2 with a clear message when the state cannot be read', async () => {
    const outcome = await verifyDrawCli('http://127.0.0.1:9/api/contests/nothing');
    expect(outcome.code).toBe(2);
    expect(outcome.output).toContain('Could not read the public state');
  });
});
