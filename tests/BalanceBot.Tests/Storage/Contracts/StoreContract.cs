using Microsoft.Extensions.Time.Testing;

namespace BalanceBot.Tests.Storage.Contracts;

/// <summary>
/// The base of every store contract suite: the behaviour a store interface promises, written once per interface in
/// an abstract class. A second implementation (PostgreSQL) runs a whole suite by adding one class that says how to
/// make its store and cleans up after it, as the LiteDB classes beside each suite do.
/// </summary>
public abstract class StoreContract : IDisposable
{
    /// <summary>The clock stores that read the time are made with; it only moves when a test moves it.</summary>
    private protected FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero));

    public void Dispose()
    {
        Dispose(disposing: true);
        GC.SuppressFinalize(this);
    }

    protected virtual void Dispose(bool disposing)
    {
    }
}
