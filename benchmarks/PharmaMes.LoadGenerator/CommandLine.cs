namespace PharmaMes.LoadGenerator;

/// <summary>
/// Hand-written parser (no package): "mode --name value --name=value --flag". Every option is
/// checked against the mode, so a typo fails loudly instead of silently running a default load.
/// </summary>
internal static class CommandLine
{
    private static readonly string[] Flags = ["--with-sequence"];

    private static readonly string[] Common = ["--host", "--port", "--username", "--password", "--root", "--client-id", "--qos"];

    private static readonly string[] PublishOnly =
        ["--site", "--area", "--line", "--equipment", "--values", "--tags", "--rate", "--messages", "--duration", "--window", "--with-sequence", "--seed", "--drain-timeout"];

    private static readonly string[] SubscribeOnly = ["--topic", "--expect", "--timeout"];

    /// <exception cref="UsageException">The arguments are not understood or a value is out of range.</exception>
    public static CommandLineRequest Parse(IReadOnlyList<string> args)
    {
        if (args.Any(a => a is "--help" or "-h" or "-?" or "help"))
            return CommandLineRequest.Help;
        if (args.Count == 0)
            throw new UsageException("missing mode: 'publish' or 'subscribe'");

        var mode = args[0];
        string[] allowed = mode switch
        {
            "publish" => [.. Common, .. PublishOnly],
            "subscribe" => [.. Common, .. SubscribeOnly],
            _ => throw new UsageException($"unknown mode '{mode}': expected 'publish' or 'subscribe'"),
        };
        var values = ReadPairs(args, mode, allowed);
        try
        {
            return mode == "publish"
                ? new CommandLineRequest(false, BuildPublisher(values), null)
                : new CommandLineRequest(false, null, BuildSubscriber(values));
        }
        catch (ArgumentException ex)
        {
            throw new UsageException($"invalid value: {ex.Message}");
        }
    }

    private static OptionValues ReadPairs(IReadOnlyList<string> args, string mode, string[] allowed)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 1; i < args.Count; i++)
        {
            var arg = args[i];
            if (!arg.StartsWith("--", StringComparison.Ordinal))
                throw new UsageException($"unexpected argument '{arg}'");
            var equals = arg.IndexOf('=', StringComparison.Ordinal);
            var name = equals > 0 ? arg[..equals] : arg;
            string? value = equals > 0 ? arg[(equals + 1)..] : null;
            if (!allowed.Contains(name))
                throw new UsageException($"unknown option '{name}' for {mode}");
            if (values.ContainsKey(name))
                throw new UsageException($"option '{name}' given twice");
            if (Flags.Contains(name))
            {
                if (value is not null)
                    throw new UsageException($"option '{name}' takes no value");
                values[name] = "true";
                continue;
            }
            if (value is null)
            {
                if (i + 1 >= args.Count)
                    throw new UsageException($"option '{name}' needs a value");
                value = args[++i];
            }
            values[name] = value;
        }
        return new OptionValues(values);
    }

    private static PublisherOptions BuildPublisher(OptionValues o)
    {
        var options = ApplyCommon(new PublisherOptions(), o);
        // "--equipment 10" is a count; anything with a '/' is an explicit area/line/equipment list.
        var equipment = o.String("--equipment");
        if (equipment is not null && equipment.Contains('/', StringComparison.Ordinal))
            options = options with { Equipment = EquipmentAddress.ParseList(equipment) };
        else if (equipment is not null)
            options = options with { EquipmentCount = o.Int("--equipment")!.Value };

        var tags = o.String("--tags")?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (tags is not null && o.Int("--values") is { } count && count != tags.Length)
            throw new UsageException($"option '--values' ({count}) disagrees with the {tags.Length} names in '--tags'");

        options = options with
        {
            Site = o.String("--site", options.Site),
            Area = o.String("--area", options.Area),
            Line = o.String("--line", options.Line),
            ValuesPerMessage = o.Int("--values") ?? options.ValuesPerMessage,
            TagNames = tags,
            MessagesPerSecond = o.Double("--rate") ?? options.MessagesPerSecond,
            TotalMessages = o.Long("--messages"),
            Duration = o.Seconds("--duration"),
            QualityOfService = o.Int("--qos") ?? options.QualityOfService,
            MaxInFlight = o.Int("--window") ?? options.MaxInFlight,
            WithSequence = o.Has("--with-sequence"),
            Seed = o.Int("--seed"),
            DrainTimeout = o.Seconds("--drain-timeout") ?? options.DrainTimeout,
        };
        options.Validate();
        return options;
    }

    private static SubscriberOptions BuildSubscriber(OptionValues o)
    {
        var options = ApplyCommon(new SubscriberOptions(), o);
        options = options with
        {
            TopicFilter = o.String("--topic"),
            ExpectedMessages = o.Long("--expect"),
            Timeout = o.Seconds("--timeout") ?? options.Timeout,
            QualityOfService = o.Int("--qos") ?? options.QualityOfService,
        };
        options.Validate();
        return options;
    }

    private static T ApplyCommon<T>(T options, OptionValues o) where T : BrokerClientOptions =>
        options with
        {
            Host = o.String("--host", options.Host),
            Port = o.Int("--port") ?? options.Port,
            Username = o.String("--username"),
            Password = o.String("--password"),
            TopicRoot = o.String("--root", options.TopicRoot),
            ClientId = o.String("--client-id", options.ClientId),
        };
}
