using System.Text.Json;
using System.Text.Json.Nodes;

namespace PharmaMes.Infrastructure.Outbox.Formats;

/// <summary>
/// The MES's own JSON: an envelope naming the message (its id is also the Idempotency-Key), its
/// type, aggregate, position and time, with the event itself under <c>data</c> as it was recorded.
/// </summary>
public sealed class JsonErpMessageFormatter : IErpMessageFormatter
{
    public ErpFormat Format => ErpFormat.Json;
    public string ContentType => "application/json";
    public string FileExtension => ".json";

    public string Render(OutboxMessage message)
    {
        var envelope = new JsonObject
        {
            ["messageId"] = message.MessageId.ToString(),
            ["type"] = message.Type.ToString(),
            ["aggregate"] = message.Aggregate,
            ["position"] = message.Position,
            ["occurredAt"] = message.OccurredAt,
            ["data"] = JsonNode.Parse(message.Payload),
        };
        return envelope.ToJsonString(ErpJson.Options);
    }
}
