using System.Text;
using Microsoft.Extensions.Options;
using PharmaMes.Infrastructure.Outbox.Formats;

namespace PharmaMes.Infrastructure.Outbox.Delivery;

/// <summary>
/// Writes each message as one file into Erp:Folder, for ERPs that pick files up. The name starts
/// with the position, so files sort in the order they were written, and ends with the message id,
/// so a replay overwrites its own file instead of adding a second one. A file appears whole or not
/// at all (written aside, then moved in).
/// </summary>
public sealed class ErpFolderTarget(IOptions<ErpOptions> options)
{
    public bool IsConfigured => !string.IsNullOrWhiteSpace(options.Value.Folder);

    public async Task<DeliveryResult> WriteAsync(OutboxMessage message, string body, IErpMessageFormatter formatter, CancellationToken cancellationToken)
    {
        // A relative folder is under the app's own directory, like the SQLite file.
        var folder = Path.GetFullPath(options.Value.Folder!, AppContext.BaseDirectory);
        try
        {
            Directory.CreateDirectory(folder);
            var name = $"{message.Position:D12}-{message.Type}-{message.MessageId:N}{formatter.FileExtension}";
            var partial = Path.Combine(folder, "." + name + ".partial");
            await File.WriteAllTextAsync(partial, body, new UTF8Encoding(false), cancellationToken);
            File.Move(partial, Path.Combine(folder, name), overwrite: true);
            return DeliveryResult.Success;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return DeliveryResult.Failure($"Could not write to {folder}: {e.Message}");
        }
    }
}
