/** `packet-ladder <command>`: dispatches to analyze, scenario or serve. */
import { analyzeCommand } from './analyze-command.ts';
import { exitQuietlyOnEpipe } from './capture-input.ts';
import { standardOutput } from './fd-output.ts';

const USAGE = `Usage: packet-ladder <command> [args]

Commands:
  analyze FILE...   print every packet of pcap/pcapng files as JSON Lines (see analyze --help)
  scenario ID       run a scenario of the catalog and print its ladder (see scenario --help)
  serve [flags]     start the page and the echo endpoints (same as npm start; see serve --help)
`;

async function run(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  switch (command) {
    case 'analyze': {
      const out = standardOutput();
      exitQuietlyOnEpipe(out);
      return analyzeCommand(rest, out, process.stderr);
    }
    case 'scenario': {
      exitQuietlyOnEpipe(process.stdout);
      const { runScenarioCommand } = await import('./scenario-command.ts');
      return runScenarioCommand(rest, process.stdout, process.stderr);
    }
    case 'serve':
      process.argv = [process.argv[0]!, process.argv[1]!, ...rest];
      await import('../main.ts');
      return new Promise<number>(() => undefined); // main.ts exits the process itself
    case undefined:
    case '-h':
    case '--help':
    case 'help':
      process.stdout.write(USAGE);
      return command === undefined ? 2 : 0;
    default:
      process.stderr.write(
        `packet-ladder: unknown command "${command}" (try analyze, scenario or serve).\n`,
      );
      return 2;
  }
}

run(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err: Error) => {
    process.stderr.write(`packet-ladder: ${err.message}\n`);
    process.exitCode = 1;
  },
);
