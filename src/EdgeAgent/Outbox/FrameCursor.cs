using Microsoft.Win32.SafeHandles;

namespace WorkOrders.EdgeAgent.Outbox;

/// <summary>Walks the frames of one segment file through a read-ahead buffer.</summary>
internal sealed class FrameCursor(SafeFileHandle file, long offset, long end)
{
    private byte[] _buffer = new byte[64 * 1024];
    private long _bufferStart;
    private int _bufferLength;

    public long Offset { get; private set; } = offset;

    /// <summary>Reads the frame at <see cref="Offset"/> without moving; the span lives until the next call.</summary>
    public FrameStatus Peek(out ReadOnlySpan<byte> frame)
    {
        frame = default;
        if (Offset >= end)
        {
            return FrameStatus.EndOfData;
        }

        if (end - Offset < OutboxFrame.HeaderLength)
        {
            return FrameStatus.Torn;
        }

        var header = Window(Offset, OutboxFrame.HeaderLength);
        var payloadLength = OutboxFrame.PayloadLength(header);
        if (payloadLength < 0)
        {
            return FrameStatus.Damaged;
        }

        var length = OutboxFrame.HeaderLength + payloadLength;
        if (end - Offset < length)
        {
            return FrameStatus.Torn;
        }

        frame = Window(Offset, length);
        return OutboxFrame.IsIntact(frame) ? FrameStatus.Intact : FrameStatus.Damaged;
    }

    public void Advance(int length) => Offset += length;

    /// <summary>Moves to the next intact frame after the current offset; false (and no move) when there is none.</summary>
    public bool SkipToNextIntactFrame()
    {
        var start = Offset;
        for (var candidate = start + 1; candidate + OutboxFrame.HeaderLength <= end; candidate++)
        {
            var header = Window(candidate, 4);
            if (System.Buffers.Binary.BinaryPrimitives.ReadUInt32LittleEndian(header) != OutboxFrame.Magic)
            {
                continue;
            }

            Offset = candidate;
            if (Peek(out _) == FrameStatus.Intact)
            {
                return true;
            }
        }

        Offset = start;
        return false;
    }

    private ReadOnlySpan<byte> Window(long at, int length)
    {
        if (at < _bufferStart || at + length > _bufferStart + _bufferLength)
        {
            if (_buffer.Length < length)
            {
                _buffer = new byte[Math.Max(length, _buffer.Length * 2)];
            }

            _bufferStart = at;
            var wanted = (int)Math.Min(_buffer.Length, end - at);
            _bufferLength = 0;
            while (_bufferLength < wanted)
            {
                var read = RandomAccess.Read(file, _buffer.AsSpan(_bufferLength, wanted - _bufferLength), at + _bufferLength);
                if (read == 0)
                {
                    break;
                }

                _bufferLength += read;
            }

            if (_bufferLength < length)
            {
                throw new IOException("The outbox segment shrank while it was being read.");
            }
        }

        return _buffer.AsSpan((int)(at - _bufferStart), length);
    }
}

internal enum FrameStatus
{
    Intact,
    Damaged,
    Torn,
    EndOfData,
}
