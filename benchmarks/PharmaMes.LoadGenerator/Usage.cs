namespace PharmaMes.LoadGenerator;

/// <summary>The --help text; kept next to the parser's option lists so the two stay in step.</summary>
internal static class Usage
{
    public const string Text = """
        PharmaMes.LoadGenerator - MQTT load for the PharmaMes topic contract (MQTT 5).

        Usage:
          PharmaMes.LoadGenerator publish   [options]
          PharmaMes.LoadGenerator subscribe [options]

        Connection (both modes):
          --host <name>          broker host (default 127.0.0.1)
          --port <n>             broker port (default 1883)
          --username <u>         user name (optional)
          --password <p>         password (optional)
          --root <level>         topic root (default mes)
          --client-id <id>       MQTT client id (default: unique per run)
          --qos <0|1>            QoS for publishing / subscribing (default 1)

        publish: {root}/{site}/{area}/{line}/{equipment}/telemetry
                 {"ts":"...Z","values":{"v1":..,...}}, round-robin over the equipment
          --site <code>          site code (default PLANT1)
          --area <code>          area code (default OSD)
          --line <code>          line code (default OSD-L1)
          --equipment <n|list>   a count M (LOAD-001..LOAD-0MM, default 10), or a comma-separated
                                 list of area/line/equipment, e.g. OSD/OSD-L1/GRAN-01,PKG/PKG-L1/BLIS-01
          --values <n>           values per message, tags v1..vN (default 5)
          --tags <a,b,..>        explicit tag names instead of v1..vN
          --rate <n>             total messages per second, 0 = as fast as possible (default 0)
          --messages <n>         total messages (default 10000 unless --duration is given)
          --duration <s>         stop after this many seconds (with --messages: whichever first)
          --window <n>           publishes awaiting PUBACK at once (default 100)
          --with-sequence        add value "seq" = 1, 2, 3, ... so a receiver can count loss exactly
          --seed <n>             seed for the value noise (reproducible payloads)
          --drain-timeout <s>    wait this long for outstanding PUBACKs at the end (default 30)

        subscribe: counts messages on {root}/# and acknowledges at once (the bare baseline)
          --topic <filter>       topic filter (default {root}/#)
          --expect <n>           stop after n messages (distinct seq values count once)
          --timeout <s>          give up after this many seconds (default 60)

        Output: one line of key=value pairs, then a human-readable line.
        Exit codes: 0 success; 1 failures, losses or timeout; 2 bad arguments or --help.

        Examples:
          dotnet run --project benchmarks/PharmaMes.LoadGenerator -- subscribe --expect 20000 --timeout 60
          dotnet run --project benchmarks/PharmaMes.LoadGenerator -- publish --rate 2000 --equipment 10 --messages 20000 --qos 1

        """;
}
