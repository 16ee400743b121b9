using System.Buffers.Binary;
using System.IO.Hashing;
using System.Text;
using System.Threading.Channels;
using Microsoft.Extensions.Logging;

namespace PharmaMes.Infrastructure.Messaging;

/// <summary>
/// The embedded broker's write-ahead journal. A device's message is appended here and flushed to the
/// disk before its PUBACK (one flush for every message that arrived meanwhile, from every
/// connection), then stored by the ingest in large batches; a segment file is deleted once every
/// message in it is stored. After a crash, the messages of the segments left are stored again before
/// anything new: a message stored twice is harmless (the sample key, a repeated state), as with a
/// broker's redelivery. So an acknowledged message survives a kill of the process, and a device
/// waits for one disk flush, not for a database commit.
/// </summary>
public sealed partial class IngestJournal : IAsyncDisposable
{
    /// <summary>A segment is closed and a new one begun past this size.</summary>
    public const long SegmentBytes = 4 * 1024 * 1024;

    private const string Extension = ".journal";
    private const int HeaderBytes = 8; // body length, CRC-32 of the body

    private readonly string _folder;
    private readonly ILogger<IngestJournal> _logger;
    private readonly FileStream _lockFile;
    private readonly Lock _gate = new();
    private readonly Dictionary<long, Segment> _segments = [];
    private readonly List<long> _recovered = [];
    private readonly Channel<(byte[] Record, TaskCompletionSource<long> Written)> _appends =
        Channel.CreateUnbounded<(byte[], TaskCompletionSource<long>)>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Task _writing;
    private long _nextId;
    private Segment? _current;

    public IngestJournal(string folder, ILogger<IngestJournal> logger)
    {
        _folder = folder;
        _logger = logger;
        Directory.CreateDirectory(folder);
        // Two MES processes on one journal would each replay and delete the other's messages.
        try
        {
            _lockFile = new FileStream(Path.Combine(folder, "journal.lock"), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException ex)
        {
            throw new InvalidOperationException(
                $"The ingest journal {folder} is in use by another MES process: give each its own Mqtt:Ingest:JournalFolder.", ex);
        }
        foreach (var file in Directory.EnumerateFiles(folder, "*" + Extension))
            if (long.TryParse(Path.GetFileNameWithoutExtension(file), out var id))
                _recovered.Add(id);
        _recovered.Sort();
        _nextId = _recovered.Count == 0 ? 1 : _recovered[^1] + 1;
        _writing = Task.Run(WriteLoopAsync);
    }

    public string Folder => _folder;

    /// <summary>The configured folder, else <c>ingest-journal</c> beside the SQLite file, or in the app's data folder.</summary>
    public static string FolderOf(IngestOptions ingest, Persistence.DatabaseOptions database, string baseDirectory)
    {
        if (!string.IsNullOrWhiteSpace(ingest.JournalFolder))
            return Path.GetFullPath(ingest.JournalFolder.Trim(), baseDirectory);
        var dataFolder = database.Provider == Persistence.DatabaseProvider.Sqlite && Persistence.SqliteFile.PathOf(database.ConnectionString) is var file
            && Path.IsPathRooted(file)
                ? Path.GetDirectoryName(file)!
                : Path.Combine(baseDirectory, "data");
        return Path.Combine(dataFolder, "ingest-journal");
    }

    /// <summary>Messages appended and not yet stored (for /ingest and the health check).</summary>
    public long Unstored
    {
        get
        {
            lock (_gate)
                return _segments.Values.Sum(s => s.Appended - s.Stored);
        }
    }

    /// <summary>A message journaled and flushed to the disk; its acknowledgement tells the journal it is stored.</summary>
    public async Task<ReceivedMessage> AppendAsync(string topic, byte[] payload, DateTimeOffset receivedAt, CancellationToken cancellationToken)
    {
        var written = new TaskCompletionSource<long>(TaskCreationOptions.RunContinuationsAsynchronously);
        await _appends.Writer.WriteAsync((Encode(topic, payload, receivedAt), written), cancellationToken);
        var segment = await written.Task.WaitAsync(cancellationToken);
        return new ReceivedMessage(topic, payload, receivedAt, _ => { Stored(segment); return Task.CompletedTask; });
    }

    /// <summary>
    /// The messages a previous run journaled and may not have stored, oldest first; each one's
    /// acknowledgement counts it stored. Read once, before the ingest takes anything new.
    /// </summary>
    public IReadOnlyList<ReceivedMessage> Recover()
    {
        var messages = new List<ReceivedMessage>();
        foreach (var id in _recovered)
        {
            var path = PathOf(id);
            var (read, torn) = Read(path, id);
            if (torn)
                LogTornTail(path, read.Count);
            lock (_gate)
            {
                if (read.Count == 0)
                {
                    File.Delete(path);
                    continue;
                }
                _segments[id] = new Segment(id, null) { Appended = read.Count, Sealed = true };
            }
            messages.AddRange(read);
        }
        if (_recovered.Count > 0)
            LogRecovered(messages.Count, _recovered.Count, _folder);
        _recovered.Clear();
        return messages;
    }

    private (List<ReceivedMessage> Messages, bool Torn) Read(string path, long id)
    {
        var messages = new List<ReceivedMessage>();
        var bytes = File.ReadAllBytes(path);
        var at = 0;
        while (at < bytes.Length)
        {
            if (bytes.Length - at < HeaderBytes)
                return (messages, true);
            var length = BinaryPrimitives.ReadInt32LittleEndian(bytes.AsSpan(at));
            var crc = BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(at + 4));
            // A record cut short by the crash (written, never flushed, so never acknowledged) ends the segment.
            if (length < 10 || bytes.Length - at - HeaderBytes < length || Crc32.HashToUInt32(bytes.AsSpan(at + HeaderBytes, length)) != crc)
                return (messages, true);
            var body = bytes.AsSpan(at + HeaderBytes, length);
            var receivedAt = DateTimeOffset.FromUnixTimeMilliseconds(BinaryPrimitives.ReadInt64LittleEndian(body));
            var topicLength = BinaryPrimitives.ReadUInt16LittleEndian(body[8..]);
            var topic = Encoding.UTF8.GetString(body.Slice(10, topicLength));
            var payload = body[(10 + topicLength)..].ToArray();
            messages.Add(new ReceivedMessage(topic, payload, receivedAt, _ => { Stored(id); return Task.CompletedTask; }));
            at += HeaderBytes + length;
        }
        return (messages, false);
    }

    private static byte[] Encode(string topic, byte[] payload, DateTimeOffset receivedAt)
    {
        var topicBytes = Encoding.UTF8.GetBytes(topic);
        var length = 10 + topicBytes.Length + payload.Length;
        var record = new byte[HeaderBytes + length];
        var body = record.AsSpan(HeaderBytes);
        BinaryPrimitives.WriteInt64LittleEndian(body, receivedAt.ToUnixTimeMilliseconds());
        BinaryPrimitives.WriteUInt16LittleEndian(body[8..], checked((ushort)topicBytes.Length));
        topicBytes.CopyTo(body[10..]);
        payload.CopyTo(body[(10 + topicBytes.Length)..]);
        BinaryPrimitives.WriteInt32LittleEndian(record, length);
        BinaryPrimitives.WriteUInt32LittleEndian(record.AsSpan(4), Crc32.HashToUInt32(body));
        return record;
    }

    /// <summary>Writes what has arrived, flushes it to the disk once, then lets every waiting publisher have its PUBACK.</summary>
    private async Task WriteLoopAsync()
    {
        var group = new List<(byte[] Record, TaskCompletionSource<long> Written, long Segment)>();
        while (await _appends.Reader.WaitToReadAsync())
        {
            group.Clear();
            try
            {
                lock (_gate)
                {
                    while (_appends.Reader.TryRead(out var append))
                    {
                        var segment = CurrentSegment();
                        segment.Stream!.Write(append.Record);
                        segment.Appended++;
                        segment.Bytes += append.Record.Length;
                        group.Add((append.Record, append.Written, segment.Id));
                        if (segment.Bytes >= SegmentBytes)
                            Seal(segment);
                    }
                    _current?.Stream!.Flush(flushToDisk: true);
                }
                foreach (var (_, written, segment) in group)
                    written.TrySetResult(segment);
            }
            catch (Exception ex)
            {
                // Not written, so not acknowledged: the devices send these again.
                LogWriteFailed(ex, _folder);
                foreach (var (_, written, _) in group)
                    written.TrySetException(ex);
                while (_appends.Reader.TryRead(out var append))
                    append.Written.TrySetException(ex);
            }
        }
    }

    private Segment CurrentSegment()
    {
        if (_current is not null)
            return _current;
        var id = _nextId++;
        var stream = new FileStream(PathOf(id), FileMode.CreateNew, FileAccess.Write, FileShare.Read, 64 * 1024);
        _current = new Segment(id, stream);
        _segments[id] = _current;
        return _current;
    }

    /// <summary>Closes a segment (flushed first); deleted at once when everything in it is stored already.</summary>
    private void Seal(Segment segment)
    {
        segment.Stream!.Flush(flushToDisk: true);
        segment.Stream.Dispose();
        segment.Stream = null;
        segment.Sealed = true;
        if (ReferenceEquals(_current, segment))
            _current = null;
        DeleteIfStored(segment);
    }

    private void Stored(long id)
    {
        lock (_gate)
        {
            if (!_segments.TryGetValue(id, out var segment))
                return;
            segment.Stored++;
            // The segment being written is closed as soon as all of it is stored: a restart then replays nothing stored.
            if (segment.Stored >= segment.Appended && ReferenceEquals(_current, segment))
                Seal(segment);
            else
                DeleteIfStored(segment);
        }
    }

    private void DeleteIfStored(Segment segment)
    {
        if (!segment.Sealed || segment.Stored < segment.Appended)
            return;
        File.Delete(PathOf(segment.Id));
        _segments.Remove(segment.Id);
    }

    private string PathOf(long id) => Path.Combine(_folder, id.ToString("D12") + Extension);

    public async ValueTask DisposeAsync()
    {
        _appends.Writer.TryComplete();
        await _writing;
        lock (_gate)
        {
            if (_current is { } current)
                Seal(current);
        }
        await _lockFile.DisposeAsync();
    }

    private sealed class Segment(long id, FileStream? stream)
    {
        public long Id { get; } = id;
        public FileStream? Stream { get; set; } = stream;
        public long Appended { get; set; }
        public long Stored { get; set; }
        public long Bytes { get; set; }
        public bool Sealed { get; set; }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Ingest journal: {Messages} messages in {Segments} segments of {Folder} were acknowledged and may not be stored; storing them first")]
    private partial void LogRecovered(int messages, int segments, string folder);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Ingest journal segment {Path} ends in a record cut short (never acknowledged); {Read} messages read before it")]
    private partial void LogTornTail(string path, int read);

    [LoggerMessage(Level = LogLevel.Error, Message = "Ingest journal {Folder} could not be written; the messages are not acknowledged")]
    private partial void LogWriteFailed(Exception exception, string folder);
}
