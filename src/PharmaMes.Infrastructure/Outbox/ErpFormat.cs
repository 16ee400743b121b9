namespace PharmaMes.Infrastructure.Outbox;

/// <summary>How outbound messages are written: the MES's own JSON, or ISA-95 B2MML V0700 XML.</summary>
public enum ErpFormat
{
    Json,
    B2mml,
}
