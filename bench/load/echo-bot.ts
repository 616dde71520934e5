import restify from 'restify';
import {
  CloudAdapter,
  ConfigurationBotFrameworkAuthentication,
  type TurnContext,
} from 'botbuilder';

/**
 * The yardstick: a bare botbuilder echo bot (CloudAdapter + restify, no auth, no state), the
 * smallest thing that answers /api/messages. Prints {"port":N} once listening.
 */
async function main(): Promise<void> {
  const adapter = new CloudAdapter(new ConfigurationBotFrameworkAuthentication({}));
  const server = restify.createServer();
  server.use(restify.plugins.bodyParser());
  const logic = async (context: TurnContext): Promise<void> => {
    if (context.activity.type === 'message')
      await context.sendActivity(`Echo: ${context.activity.text ?? ''}`);
  };
  server.post('/api/messages', async (req, res) => {
    await adapter.process(req, res, logic);
  });
  await new Promise<void>((resolve) => {
    server.listen(Number(process.env.PORT ?? '0'), '127.0.0.1', () => resolve());
  });
  process.stdout.write(`${JSON.stringify({ port: server.address().port })}\n`);
  process.on('SIGTERM', () => {
    server.close(() => process.exit(0));
  });
}

void main();
