namespace PharmaMes.Infrastructure.Outbox.Formats;

/// <summary>Writes an outbox message in one wire format (the MES's JSON, or B2MML).</summary>
public interface IErpMessageFormatter
{
    ErpFormat Format { get; }
    string ContentType { get; }
    string FileExtension { get; }
    string Render(OutboxMessage message);
}
