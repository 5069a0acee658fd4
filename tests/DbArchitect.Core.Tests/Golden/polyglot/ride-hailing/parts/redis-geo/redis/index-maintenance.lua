-- Index maintenance of the RideNow design: one write applied atomically.
-- EVALSHA <sha> <n> key1 … keyN  cmd1 argc1 args1… … cmdN argcN argsN…
-- KEYS[i] is the key of command i. SETNX sets a unique lookup unless another id owns it; HCHECK compares a field of
-- the row as the caller read it (an update is refused when another write changed it first). Nothing is written when
-- a check fails. All KEYS of one call must share a hash slot in a cluster (the design's hash tags arrange it).
local allowed = { HSET = true, SETNX = true, HCHECK = true, ZADD = true, ZREM = true, SADD = true, SREM = true,
  HINCRBY = true, HINCRBYFLOAT = true, HDEL = true, XADD = true, GEOADD = true, EXPIRE = true, DEL = true }
local ops = {}
local a = 1
for i = 1, #KEYS do
  local cmd = ARGV[a]
  local n = tonumber(ARGV[a + 1])
  if not allowed[cmd] or n == nil then
    return redis.error_reply('ERR command ' .. tostring(cmd) .. ' is not part of the write path')
  end
  local args = {}
  for j = 1, n do args[j] = ARGV[a + 1 + j] end
  a = a + 2 + n
  ops[i] = { cmd, args }
end
for i, op in ipairs(ops) do
  if op[1] == 'SETNX' then
    local owner = redis.call('GET', KEYS[i])
    if owner and owner ~= op[2][1] then
      return redis.error_reply('UNIQUE ' .. KEYS[i] .. ' belongs to ' .. owner)
    end
  elseif op[1] == 'HCHECK' then
    local current = redis.call('HGET', KEYS[i], op[2][1]) or ''
    if current ~= op[2][2] then
      return redis.error_reply('STALE ' .. KEYS[i] .. ' changed since it was read')
    end
  end
end
for i, op in ipairs(ops) do
  if op[1] == 'SETNX' then
    redis.call('SET', KEYS[i], op[2][1])
  elseif op[1] ~= 'HCHECK' then
    redis.call(op[1], KEYS[i], unpack(op[2]))
  end
end
return #ops
