using System.Globalization;
using PharmaMes.Domain.Audit;

namespace PharmaMes.Infrastructure.Audit;

/// <summary>
/// The checkpoints as a text file, one per line, only ever appended to:
/// <c>sequence hash time(UTC, ISO 8601) key-id signature</c>. Plain text so that it can be copied
/// to a write-once store or a log server and read there.
/// </summary>
internal static class AuditCheckpointFile
{
    public static IReadOnlyList<AuditCheckpoint> Read(string path)
    {
        if (!File.Exists(path))
            return [];
        var checkpoints = new List<AuditCheckpoint>();
        var number = 0;
        foreach (var line in File.ReadLines(path))
        {
            number++;
            if (string.IsNullOrWhiteSpace(line))
                continue;
            checkpoints.Add(Parse(line) ?? throw new InvalidDataException($"Line {number} of the audit checkpoint file {path} is not a checkpoint."));
        }
        return checkpoints;
    }

    public static void Append(string path, AuditCheckpoint checkpoint)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var options = new FileStreamOptions { Mode = FileMode.Append, Access = FileAccess.Write, Share = FileShare.Read };
        if (!OperatingSystem.IsWindows())
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead;
        using var stream = new FileStream(path, options);
        using var writer = new StreamWriter(stream);
        writer.Write(string.Join(' ', checkpoint.Sequence.ToString(CultureInfo.InvariantCulture), checkpoint.Hash,
            checkpoint.At.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture), checkpoint.KeyId, checkpoint.Signature));
        writer.Write('\n');
        writer.Flush();
        stream.Flush(flushToDisk: true);
    }

    private static AuditCheckpoint? Parse(string line)
    {
        var parts = line.Trim().Split(' ');
        if (parts.Length != 5
            || !long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var sequence)
            || !DateTimeOffset.TryParseExact(parts[2], "yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture,
                DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var at))
            return null;
        return new AuditCheckpoint(sequence, parts[1], at, parts[3], parts[4]);
    }
}
