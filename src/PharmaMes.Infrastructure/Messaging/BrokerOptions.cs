using System.ComponentModel.DataAnnotations;

namespace PharmaMes.Infrastructure.Messaging;

/// <summary>The <c>Mqtt:Broker</c> section.</summary>
public sealed class BrokerOptions
{
    public BrokerMode Mode { get; init; } = BrokerMode.Embedded;

    /// <summary>Embedded: the address it listens on. External: the broker to connect to.</summary>
    [Required]
    public string Host { get; init; } = "127.0.0.1";

    /// <summary>0 lets the embedded broker pick a free port (tests).</summary>
    [Range(0, 65535)]
    public int Port { get; init; } = 1883;

    /// <summary>External: the MES's own credentials at the broker.</summary>
    public string? Username { get; init; }
    public string? Password { get; init; }
    public bool UseTls { get; init; }

    /// <summary>
    /// Embedded: a PKCS#12 (.pfx) file with the broker's certificate and private key. When set, the
    /// broker also listens with TLS on <see cref="TlsPort"/>, so device passwords and readings do not
    /// cross the plant network in clear text.
    /// </summary>
    public string? CertificatePath { get; init; }
    public string? CertificatePassword { get; init; }

    /// <summary>Embedded: the TLS port (MQTT's registered 8883); 0 picks a free one (tests).</summary>
    [Range(0, 65535)]
    public int TlsPort { get; init; } = 8883;

    /// <summary>Embedded: accept clients without credentials (demo only: anyone could then forge values).</summary>
    public bool AllowAnonymous { get; init; }

    /// <summary>
    /// Embedded: messages the broker queues for one slow subscriber before it refuses more.
    /// MQTTnet's default (1,000, dropping the oldest) silently loses data; this is large, and an
    /// overflow is logged and counted, never silent.
    /// </summary>
    [Range(1_000, 10_000_000)]
    public int MaxPendingMessagesPerClient { get; init; } = 1_000_000;

    /// <summary>Embedded: device accounts from configuration, besides those an administrator manages.</summary>
    public List<ConfiguredDevice> Devices { get; init; } = [];
}
