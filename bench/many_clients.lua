-- wrk script: every request from another client address, as visitors reach the site through the
-- production proxy (the bench servers run with TRUSTED_PROXY_COUNT=1, as behind nginx). Certificate
-- verification is rate-limited per address; from the benchmark's one address most requests would be
-- answered 429 and the page itself would not be measured. (wrk's LuaJIT is Lua 5.1: no // operator.)
local counter = 0

request = function()
  counter = counter + 1
  wrk.headers["X-Forwarded-For"] = string.format(
    "10.%d.%d.%d", math.floor(counter / 65536) % 256, math.floor(counter / 256) % 256, counter % 256
  )
  return wrk.format()
end
