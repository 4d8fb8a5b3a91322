/**
 * The whole desk (src/app.ts startDesk: runtime, staff desk, Telegram channel
 * in webhook mode, outbox dispatcher) in a child process, for the kill test.
 * It differs from `npm start` in two ways only: the webhook URL may be plain
 * http (the test's load balancer on 127.0.0.1; the config insists on https
 * because Telegram does), and logs go to stderr so stdout carries one line,
 * `ready <port>`, once the desk takes updates.
 */
import { pino } from 'pino';
import { startDesk } from '../../src/app.ts';
import { loadConfig } from '../../src/config/env.ts';
import { createLogger } from '../../src/log.ts';

const webhookUrl = process.env.KILL_TEST_WEBHOOK_URL;
if (!webhookUrl) throw new Error('KILL_TEST_WEBHOOK_URL is not set');
const config = { ...loadConfig(), TELEGRAM_WEBHOOK_URL: webhookUrl };
const logger = createLogger(config.LOG_LEVEL, pino.destination(2));
const desk = await startDesk(config, logger);
process.stdout.write(`ready ${desk.port}\n`);
