using System.Collections.Concurrent;
using System.Threading.Channels;

namespace BalanceBot.Channels.Discord;

/// <summary>
/// Work that happens after an interaction's first answer (discord.md §1.4, §1.7), off the request: a deferred turn is
/// awaited and its reply put in place of "thinking…" by editing <c>@original</c>; replies too long for one message
/// continue as follow-ups. All through the interaction token, within its 15 minutes.
/// </summary>
internal sealed partial class DiscordFollowUps(DiscordRestClient rest, ILogger<DiscordFollowUps> logger) : BackgroundService
{
    /// <summary>The interaction token's life, less a margin: later calls fail with 50027 and count as invalid.</summary>
    private static readonly TimeSpan TokenLife = TimeSpan.FromMinutes(14);

    private readonly Channel<Work> _queue = Channel.CreateUnbounded<Work>(new UnboundedChannelOptions { SingleReader = true });
    private readonly ConcurrentDictionary<Work, Task> _running = new();

    /// <summary>Deferred answers and follow-ups not yet sent.</summary>
    public int Pending => _running.Count;

    /// <summary>The turn is still running; when it ends, its answer replaces the deferred "thinking…" message.</summary>
    public void CompleteDeferred(Interaction interaction, Task<DiscordAnswer> work) =>
        _queue.Writer.TryWrite(new Work(interaction.Id, interaction.Token!, work, EditOriginal: true));

    /// <summary>More messages after an answer already given inline.</summary>
    public void SendAfter(Interaction interaction, IReadOnlyList<InteractionCallbackData> followUps) =>
        _queue.Writer.TryWrite(new Work(interaction.Id, interaction.Token!, Task.FromResult(new DiscordAnswer(new InteractionResponse(), followUps)), EditOriginal: false));

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await foreach (var work in _queue.Reader.ReadAllAsync(stoppingToken).ConfigureAwait(false))
        {
            // Each interaction on its own: one slow turn must not hold up another user's reply.
            _running[work] = Task.Run(() => RunAsync(work), CancellationToken.None);
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        _queue.Writer.TryComplete();
        await base.StopAsync(cancellationToken).ConfigureAwait(false);
        await Task.WhenAll(_running.Values).WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    private async Task RunAsync(Work work)
    {
        using var life = new CancellationTokenSource(TokenLife);
        try
        {
            var answer = await AnswerOrApologyAsync(work, life.Token).ConfigureAwait(false);
            if (work.EditOriginal)
            {
                await rest.EditOriginalAsync(work.Token, AsMessage(answer.Initial), life.Token).ConfigureAwait(false);
            }

            foreach (var message in answer.FollowUps)
            {
                await rest.CreateFollowUpAsync(work.Token, message, life.Token).ConfigureAwait(false);
            }

            LogCompleted(work.InteractionId, work.EditOriginal, answer.FollowUps.Count);
        }
        catch (Exception ex) when (ex is DiscordApiException or DiscordCircuitOpenException or HttpRequestException or OperationCanceledException)
        {
            LogFailed(work.InteractionId, ex.GetType().Name);
        }
        finally
        {
            _running.TryRemove(work, out _);
        }
    }

    /// <summary>A turn that failed after "thinking…" still gets an answer: never a spinner that stops without one.</summary>
    private async Task<DiscordAnswer> AnswerOrApologyAsync(Work work, CancellationToken cancellationToken)
    {
        try
        {
            return await work.Answer.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogFailed(work.InteractionId, ex.GetType().Name);
            return DiscordAnswer.Private(DiscordInteractionsEndpoint.Apology);
        }
    }

    /// <summary>A form cannot replace "thinking…"; the user is asked to press the button again, which is fast.</summary>
    private static InteractionCallbackData AsMessage(InteractionResponse response) =>
        response.Type == InteractionCallbackTypes.Modal || response.Data?.Content is null
            ? new InteractionCallbackData { Content = "Sorry, that took me too long. Please press the button again.", AllowedMentions = AllowedMentions.None }
            : new InteractionCallbackData { Content = response.Data.Content, Components = response.Data.Components ?? [], AllowedMentions = AllowedMentions.None, Flags = response.Data.Flags & InteractionCallbackTypes.SuppressEmbedsFlag };

    private sealed record Work(string? InteractionId, string Token, Task<DiscordAnswer> Answer, bool EditOriginal);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Discord interaction {InteractionId} completed after its first answer (edited: {Edited}, follow-ups: {FollowUps})")]
    private partial void LogCompleted(string? interactionId, bool edited, int followUps);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Discord interaction {InteractionId} could not be completed after its first answer: {Error}")]
    private partial void LogFailed(string? interactionId, string error);
}
