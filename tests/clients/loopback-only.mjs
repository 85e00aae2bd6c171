// Preloaded into Trifid (node --import): every outgoing TCP connection must go to a
// loopback address. Others are refused and written to the file LOOPBACK_ONLY_LOG, which
// the test reads.
import { appendFileSync } from 'node:fs'
import net from 'node:net'

const log = process.env.LOOPBACK_ONLY_LOG
const loopback = (host) =>
  host === undefined || host === 'localhost' || host === '::1' || /^127\./.test(host)
const connect = net.Socket.prototype.connect

net.Socket.prototype.connect = function (...args) {
  // net.connect() hands over its normalised arguments as one array.
  const first = Array.isArray(args[0]) ? args[0][0] : args[0]
  const options = typeof first === 'object' ? first : { port: first, host: args[1] }
  if (options.path === undefined && !loopback(options.host)) {
    if (log) appendFileSync(log, `${options.host}:${options.port}\n`)
    throw new Error(`refused: ${options.host} is not a loopback address`)
  }
  return connect.apply(this, args)
}
