#!/usr/bin/env node
// A Sparkplug B 3.0 edge node built on Cirrus Link's sparkplug-client (the public Node.js client of
// Eclipse Tahu). It births a node and its devices, sends device data by alias, answers the host's
// rebirth requests, and can be driven line by line on stdin (JSON commands) while it reports what it
// publishes and receives on stdout (JSON lines). docs/sparkplug.md shows how to try it against the MES.
//
//   node edge-node.js --broker mqtt://localhost:1883 --group PLANT1 --edge-node OSD-L1 \
//     --device TP-01 --metric speed=3000:tablets/min --metric compression_force=15:kN --every 1000
//
// Commands on stdin, one JSON object per line:
//   {"ddata":"TP-01","values":{"speed":3100},"timestamp":1764979200000,"historical":false}
//   {"state":"TP-01","value":"Running"}      a String metric named state
//   {"skip":2}                               lose the next 2 seq numbers (as a dropped QoS 0 message would)
//   {"ddeath":"TP-01"}                       the device dies
//   {"rebirth":true}                         born again: NBIRTH and every DBIRTH
//   {"stop":true}                            NDEATH (when --publish-death) and disconnect
'use strict';

const sparkplug = require('sparkplug-client');
const readline = require('readline');

const options = parse(process.argv.slice(2));
const devices = options.devices.length > 0 ? options.devices : ['TP-01'];
// Metrics by name: alias (1, 2, ... in the order given), Sparkplug type, current value, unit.
const metrics = options.metrics.map((m, i) => ({ ...m, alias: i + 1 }));
const current = new Map(devices.map(d => [d, new Map(metrics.map(m => [m.name, m.value]))]));
let hostOnline = options.hostId === undefined;
let born = false;

const client = sparkplug.newClient({
  serverUrl: options.broker,
  groupId: options.group,
  edgeNode: options.edgeNode,
  clientId: options.clientId ?? `${options.group}-${options.edgeNode}-${process.pid}`,
  username: options.username,
  password: options.password,
  publishDeath: options.publishDeath,
  mqttOptions: { reconnectPeriod: 1000 },
});

// What goes out, byte for byte: the tests decode these payloads with the MES's own decoder.
const publish = client.client.publish.bind(client.client);
client.client.publish = (topic, payload, ...rest) => {
  if (topic.startsWith('spBv1.0/') && !topic.includes('/STATE/')) {
    tell({ event: 'published', topic, payload: Buffer.from(payload).toString('base64') });
  }
  return publish(topic, payload, ...rest);
};

client.on('birth', () => {
  tell({ event: 'connected', broker: options.broker });
  if (options.hostId !== undefined) {
    client.subscribeTopic(`spBv1.0/STATE/${options.hostId}`, { qos: 1 });
  } else {
    birth();
  }
});
// The host's STATE is JSON, not a Sparkplug payload, and sparkplug-client decodes every message it
// receives as one: a payload it cannot decode is taken as empty rather than thrown out of the event.
const decode = client.decodePayload.bind(client);
client.decodePayload = payload => {
  try { return decode(payload); } catch { return { metrics: [] }; }
};
client.client.on('message', (topic, message) => {
  if (topic !== `spBv1.0/STATE/${options.hostId}`) return;
  const online = JSON.parse(message.toString()).online === true;
  tell({ event: 'host', online });
  // A host coming online may have missed everything: the specification asks for a new birth.
  if (online && !hostOnline) { hostOnline = true; birth(); }
  if (!online) hostOnline = false;
});
client.on('ncmd', payload => {
  const rebirth = (payload.metrics ?? []).some(m => m.name === 'Node Control/Rebirth' && m.value === true);
  tell({ event: 'ncmd', rebirth, metrics: (payload.metrics ?? []).map(m => m.name) });
  if (rebirth) birth();
});
client.on('offline', () => tell({ event: 'offline' }));
client.on('reconnect', () => tell({ event: 'reconnecting' }));
client.on('error', error => tell({ event: 'error', message: String(error?.message ?? error) }));

function birth() {
  client.publishNodeBirth({
    timestamp: Date.now(),
    metrics: [{ name: 'Node Control/Rebirth', type: 'Boolean', value: false }],
  });
  for (const device of devices) {
    client.publishDeviceBirth(device, {
      timestamp: Date.now(),
      metrics: metrics.map(m => ({
        name: m.name,
        alias: m.alias,
        type: m.type,
        value: current.get(device).get(m.name),
        ...(m.unit ? { properties: { engUnit: { type: 'String', value: m.unit } } } : {}),
      })),
    });
  }
  born = true;
  tell({ event: 'born', devices });
  drain();
}

function deviceData(device, values, timestamp, historical) {
  const at = timestamp ?? Date.now();
  const sent = [];
  for (const [name, value] of Object.entries(values)) {
    const metric = metrics.find(m => m.name === name);
    if (metric === undefined) {
      tell({ event: 'error', message: `no metric ${name} was born` });
      continue;
    }
    if (!historical) current.get(device).set(name, value);
    // By alias only, as the specification recommends after a birth.
    sent.push({ alias: metric.alias, type: metric.type, value, timestamp: at, ...(historical ? { isHistorical: true } : {}) });
  }
  client.publishDeviceData(device, { timestamp: at, metrics: sent });
}

function handle(command) {
  if (command.ddata !== undefined) {
    deviceData(command.ddata, command.values ?? {}, command.timestamp, command.historical === true);
  } else if (command.state !== undefined) {
    const state = metrics.find(m => m.name === 'state');
    if (state === undefined) { tell({ event: 'error', message: 'start with --state to have a state metric' }); return; }
    deviceData(command.state, { state: command.value }, command.timestamp, false);
  } else if (command.skip !== undefined) {
    for (let i = 0; i < command.skip; i++) client.incrementSeqNum();
  } else if (command.ddeath !== undefined) {
    client.publishDeviceDeath(command.ddeath, { timestamp: command.timestamp ?? Date.now() });
  } else if (command.rebirth === true) {
    birth();
  } else if (command.stop === true) {
    client.stop();
    tell({ event: 'stopped' });
    setTimeout(() => process.exit(0), 200);
    return;
  } else {
    tell({ event: 'error', message: `unknown command ${JSON.stringify(command)}` });
    return;
  }
  tell({ event: 'done', command });
}

// Commands wait for the first birth: data before it would be thrown away by any host.
const waiting = [];
readline.createInterface({ input: process.stdin }).on('line', line => {
  if (line.trim() === '') return;
  waiting.push(line);
  drain();
});

function drain() {
  while (born && waiting.length > 0) {
    const line = waiting.shift();
    try {
      handle(JSON.parse(line));
    } catch (error) {
      tell({ event: 'error', message: String(error?.message ?? error) });
    }
  }
}

if (options.every > 0) {
  // A running machine: every value drifts a little around where it started.
  setInterval(() => {
    if (!born || !client.connected) return;
    for (const device of devices) {
      const values = {};
      for (const m of metrics.filter(m => m.type === 'Double')) {
        values[m.name] = Math.round(m.value * (1 + (Math.random() - 0.5) * 0.02) * 100) / 100;
      }
      deviceData(device, values, undefined, false);
    }
  }, options.every);
}

function tell(event) {
  process.stdout.write(JSON.stringify(event) + '\n');
}

function parse(args) {
  const o = { broker: 'mqtt://localhost:1883', group: 'PLANT1', edgeNode: 'OSD-L1', devices: [], metrics: [], every: 0, publishDeath: false };
  for (let i = 0; i < args.length; i++) {
    const value = () => {
      if (i + 1 >= args.length) throw new Error(`${args[i]} needs a value`);
      return args[++i];
    };
    switch (args[i]) {
      case '--broker': o.broker = value(); break;
      case '--group': o.group = value(); break;
      case '--edge-node': o.edgeNode = value(); break;
      case '--device': o.devices.push(value()); break;
      case '--client-id': o.clientId = value(); break;
      case '--username': o.username = value(); break;
      case '--password': o.password = value(); break;
      case '--host-id': o.hostId = value(); break;
      case '--every': o.every = Number(value()); break;
      case '--publish-death': o.publishDeath = true; break;
      case '--state': o.metrics.push({ name: 'state', type: 'String', value: value() }); break;
      case '--metric': {
        // name=value[:unit], a Double
        const match = /^([^=]+)=(-?[0-9.]+)(?::(.+))?$/.exec(value());
        if (match === null) throw new Error(`--metric takes name=value[:unit], not ${args[i]}`);
        o.metrics.push({ name: match[1], type: 'Double', value: Number(match[2]), unit: match[3] });
        break;
      }
      default: throw new Error(`unknown option ${args[i]}`);
    }
  }
  if (o.metrics.length === 0) o.metrics.push({ name: 'speed', type: 'Double', value: 3000, unit: 'tablets/min' });
  // sparkplug-client requires both; null connects without an account.
  o.username ??= null;
  o.password ??= null;
  return o;
}
