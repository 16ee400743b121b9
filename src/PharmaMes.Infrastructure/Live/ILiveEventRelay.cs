namespace PharmaMes.Infrastructure.Live;

/// <summary>Carries this node's live events to the other nodes (Redis pub/sub); it must only queue and return.</summary>
internal interface ILiveEventRelay
{
    void Send(object liveEvent);
}
