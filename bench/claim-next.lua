-- wrk script for bench/claims.sh: POST claim-next round-robin across the translators' tokens
-- (CLAIM_TOKENS, comma-separated) for CLAIM_LANGUAGE, until ClaimBench sees every task claimed in the
-- database and stops wrk (SIGINT); done() prints how many claims all threads were answered with. A thread
-- does not stop at a 204: with SKIP LOCKED an empty answer can come while the last rows are still being
-- claimed by other connections, and a stopped thread would abandon its in-flight claims.
local threads = {}

function setup(thread)
    thread:set("offset", #threads)
    table.insert(threads, thread)
end

function init(args)
    tokens = {}
    for token in string.gmatch(os.getenv("CLAIM_TOKENS"), "[^,]+") do
        table.insert(tokens, token)
    end
    body = '{"language":"' .. os.getenv("CLAIM_LANGUAGE") .. '"}'
    next_token = offset
    claimed = 0
end

function request()
    next_token = next_token % #tokens + 1
    return wrk.format("POST", "/api/tasks/claim-next",
        { ["Authorization"] = "Bearer " .. tokens[next_token], ["Content-Type"] = "application/json" }, body)
end

function response(status, headers, body)
    if status == 200 then
        claimed = claimed + 1
    elseif status ~= 204 then
        io.stderr:write("claim-next answered " .. status .. ": " .. body .. "\n")
    end
end

function done(summary, latency, requests)
    local total = 0
    for _, thread in ipairs(threads) do
        total = total + thread:get("claimed")
    end
    io.write(string.format("WRK_CLAIMS %d %.6f\n", total, summary.duration / 1e6))
end
