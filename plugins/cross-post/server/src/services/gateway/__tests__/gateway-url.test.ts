import { gatewayUrlSchema } from '../gateway-url';

describe('where a Discord bot token may go', () => {
  it('takes only a secure WebSocket from the real API host', () => {
    const fromDiscord = gatewayUrlSchema('https://discord.com/api');
    expect(fromDiscord.safeParse('wss://gateway.discord.gg').success).toBe(true);
    expect(fromDiscord.safeParse('ws://gateway.discord.gg').success).toBe(false);
    expect(fromDiscord.safeParse('https://attacker.example').success).toBe(false);
    expect(fromDiscord.safeParse(undefined).success).toBe(false);
  });

  it('takes a plain WebSocket when the API host itself is plain HTTP (a local fake)', () => {
    expect(gatewayUrlSchema('http://127.0.0.1:4101').safeParse('ws://127.0.0.1:4101/gateway').success).toBe(
      true
    );
  });
});
