using System.Globalization;
using Microsoft.Win32.SafeHandles;

namespace WorkOrders.EdgeAgent.Outbox;

/// <summary>
/// One append-only file of frames, named after the first seq it was opened for
/// (<c>00000000000000000042.seg</c>). Keeps a sparse seq → offset index so reads need not scan from the start.
/// </summary>
internal sealed class OutboxSegment : IDisposable
{
    public const string Extension = ".seg";
    private const int IndexEvery = 64;

    private readonly List<(long Seq, long Offset)> _index = [];
    private FileStream? _writer;

    private OutboxSegment(string path, long nameSeq)
    {
        Path = path;
        NameSeq = nameSeq;
        FirstSeq = nameSeq;
        LastSeq = nameSeq - 1;
    }

    public string Path { get; }

    /// <summary>The seq in the file name; seqs below it are never in this file.</summary>
    public long NameSeq { get; }

    public long FirstSeq { get; private set; }

    public long LastSeq { get; private set; }

    public int Count { get; private set; }

    public long Length { get; private set; }

    public bool IsEmpty => Count == 0;

    public static OutboxSegment Create(string directory, long firstSeq) =>
        new(System.IO.Path.Combine(directory, firstSeq.ToString("D20", CultureInfo.InvariantCulture) + Extension), firstSeq);

    public static bool TryParseName(string path, out long nameSeq) =>
        long.TryParse(System.IO.Path.GetFileNameWithoutExtension(path), NumberStyles.None, CultureInfo.InvariantCulture, out nameSeq);

    /// <summary>
    /// Scans a segment after a restart: keeps intact frames, skips damaged ones it can step over, and
    /// cuts a torn tail off the file. Seqs that went missing inside the file are reported as gaps.
    /// </summary>
    public static OutboxSegment Recover(string path, long nameSeq, SegmentRecovery recovery)
    {
        var segment = new OutboxSegment(path, nameSeq);
        long goodEnd = 0;
        using (var handle = File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite))
        {
            var cursor = new FrameCursor(handle, 0, RandomAccess.GetLength(handle));
            var expected = nameSeq;
            while (true)
            {
                var status = cursor.Peek(out var frame);
                if (status == FrameStatus.EndOfData)
                {
                    break;
                }

                if (status == FrameStatus.Intact && OutboxFrame.Seq(frame) >= expected)
                {
                    var seq = OutboxFrame.Seq(frame);
                    if (seq > expected)
                    {
                        recovery.Gaps.Add((expected, seq - 1));
                    }

                    segment.Track(seq, cursor.Offset, frame.Length);
                    expected = seq + 1;
                    cursor.Advance(frame.Length);
                    goodEnd = cursor.Offset;
                    continue;
                }

                recovery.DroppedRecords++;
                if (!cursor.SkipToNextIntactFrame())
                {
                    break;
                }
            }
        }

        if (new FileInfo(path).Length != goodEnd)
        {
            using var truncate = new FileStream(path, FileMode.Open, FileAccess.Write, FileShare.ReadWrite);
            truncate.SetLength(goodEnd);
            truncate.Flush(flushToDisk: true);
            recovery.TruncatedTail = true;
        }

        segment.Length = goodEnd;
        return segment;
    }

    public void Append(ReadOnlySpan<byte> frame, long seq, bool flushToDisk)
    {
        _writer ??= new FileStream(Path, FileMode.Append, FileAccess.Write, FileShare.Read, bufferSize: 1);
        var offset = Length;
        _writer.Write(frame);
        _writer.Flush(flushToDisk);
        Track(seq, offset, frame.Length);
    }

    /// <summary>Adds the records with <paramref name="afterSeq"/> &lt; seq ≤ <paramref name="upToSeq"/> that <paramref name="include"/> accepts, until <paramref name="into"/> holds <paramref name="max"/>.</summary>
    public void Read(long afterSeq, long upToSeq, Func<long, bool> include, int max, List<OutboxRecord> into)
    {
        if (IsEmpty || afterSeq >= LastSeq || upToSeq < FirstSeq)
        {
            return;
        }

        using var handle = File.OpenHandle(Path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        var cursor = new FrameCursor(handle, StartOffsetFor(afterSeq + 1), Length);
        while (into.Count < max)
        {
            var status = cursor.Peek(out var frame);
            if (status == FrameStatus.EndOfData)
            {
                return;
            }

            if (status != FrameStatus.Intact)
            {
                if (!cursor.SkipToNextIntactFrame())
                {
                    return;
                }

                continue;
            }

            var seq = OutboxFrame.Seq(frame);
            if (seq > upToSeq)
            {
                return;
            }

            if (seq > afterSeq && include(seq))
            {
                into.Add(OutboxFrame.Decode(frame));
            }

            cursor.Advance(frame.Length);
        }
    }

    public void CloseWriter()
    {
        _writer?.Dispose();
        _writer = null;
    }

    public void Delete()
    {
        CloseWriter();
        File.Delete(Path);
    }

    public void Dispose() => CloseWriter();

    private void Track(long seq, long offset, int length)
    {
        if (Count == 0)
        {
            FirstSeq = seq;
        }

        if (Count % IndexEvery == 0)
        {
            _index.Add((seq, offset));
        }

        LastSeq = seq;
        Count++;
        Length = offset + length;
    }

    private long StartOffsetFor(long seq)
    {
        long offset = 0;
        foreach (var entry in _index)
        {
            if (entry.Seq > seq)
            {
                break;
            }

            offset = entry.Offset;
        }

        return offset;
    }
}
