'use strict';
// Preloaded (node --require) in front of Azurite by OmniGraph.Testing.Azure's AzuriteServer.
//
// 1. Lifeline: the test process holds this process's stdin open. When stdin closes - the test process disposed the
//    server, exited, or was killed however hard - Azurite exits too, so no emulator outlives its tests.
// 2. Clock, only with OMNIGRAPH_AZURITE_CLOCK=1: Azurite reads time with `new Date()` / `Date.now()` (lease expiry,
//    last-modified times). A line `clock-advance <milliseconds> <id>` on stdin moves that clock ahead, and is answered
//    with `##omnigraph-clock <id> <total offset>` on stdout once later requests will see it (node runs one thing at a
//    time, so the answer orders the change before the test's next request). Real time keeps running underneath.
const readline = require('readline');

let offsetMilliseconds = 0;

if (process.env.OMNIGRAPH_AZURITE_CLOCK === '1') {
  const RealDate = Date;
  function ShiftedDate(...args) {
    if (!new.target) {
      return new RealDate(RealDate.now() + offsetMilliseconds).toString();
    }
    return args.length === 0 ? new RealDate(RealDate.now() + offsetMilliseconds) : new RealDate(...args);
  }
  ShiftedDate.prototype = RealDate.prototype;
  ShiftedDate.now = () => RealDate.now() + offsetMilliseconds;
  ShiftedDate.parse = RealDate.parse;
  ShiftedDate.UTC = RealDate.UTC;
  globalThis.Date = ShiftedDate;
}

const commands = readline.createInterface({ input: process.stdin });
commands.on('line', (line) => {
  const [command, value, id] = line.trim().split(' ');
  if (command === 'clock-advance' && process.env.OMNIGRAPH_AZURITE_CLOCK === '1') {
    offsetMilliseconds += Number(value);
    process.stdout.write(`##omnigraph-clock ${id} ${offsetMilliseconds}\n`);
  }
});
commands.on('close', () => process.exit(0));
