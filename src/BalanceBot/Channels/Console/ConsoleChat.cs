using BalanceBot.Core.Conversations;
using BalanceBot.Core.Users;

namespace BalanceBot.Channels.Console;

/// <summary>
/// The terminal channel behind <c>balancebot chat</c>: the same engine, dialogs and storage as the server, with
/// choices printed as numbered lines (typing the number or the label both work).
/// </summary>
internal sealed class ConsoleChat(ConversationEngine engine)
{
    private static readonly string[] QuitWords = ["quit", "exit", "/quit", "bye"];

    /// <summary>Runs until the user types quit, the input ends, or <paramref name="cancellationToken"/> fires (Ctrl+C).</summary>
    public async Task RunAsync(TextReader input, TextWriter output, string userName, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(output);
        await output.WriteLineAsync("BalanceBot in your terminal. Type \"quit\" or press Ctrl+C to leave.").ConfigureAwait(false);
        await TakeTurnAsync(TurnKind.ConversationStarted, null, userName, output, cancellationToken).ConfigureAwait(false);

        while (!cancellationToken.IsCancellationRequested)
        {
            await output.WriteAsync("> ").ConfigureAwait(false);
            await output.FlushAsync(cancellationToken).ConfigureAwait(false);
            var line = await ReadLineAsync(input, cancellationToken).ConfigureAwait(false);
            if (line is null || QuitWords.Contains(line.Trim().ToLowerInvariant()))
            {
                break;
            }

            if (line.Trim().Length == 0)
            {
                continue;
            }

            await TakeTurnAsync(TurnKind.Message, line, userName, output, cancellationToken).ConfigureAwait(false);
        }

        await output.WriteLineAsync("Bye! Take care of yourself.").ConfigureAwait(false);
    }

    private async Task TakeTurnAsync(TurnKind kind, string? text, string userName, TextWriter output, CancellationToken cancellationToken)
    {
        var turn = new Turn
        {
            Kind = kind,
            UserKey = ChannelNames.ConsoleKeyPrefix + userName,
            ConversationKey = ChannelNames.ConsoleKeyPrefix + userName,
            Text = text,
            UserDisplayName = userName,
            Address = new ConversationAddress(ChannelNames.Console, userName),
        };
        var replies = await engine.HandleAsync(turn, cancellationToken).ConfigureAwait(false);
        foreach (var reply in replies)
        {
            await output.WriteLineAsync(Render(reply)).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// A console read cannot be interrupted (Console.In's async read even blocks the caller), so it runs on the
    /// thread pool and Ctrl+C races it: the chat ends at once and the pending read is abandoned with the process.
    /// </summary>
    private static async Task<string?> ReadLineAsync(TextReader input, CancellationToken cancellationToken)
    {
        var read = Task.Run(input.ReadLine, CancellationToken.None);
        var cancelled = Task.Delay(Timeout.Infinite, cancellationToken);
        var first = await Task.WhenAny(read, cancelled).ConfigureAwait(false);
        return first == read ? await read.ConfigureAwait(false) : null;
    }

    /// <summary>A terminal shows no markdown, so the bold marks of the dialogs' text are dropped rather than shown as <c>**</c>.</summary>
    internal static string Render(Reply reply)
    {
        var text = PlainText(reply.Text);
        if (reply.Choices.Count == 0)
        {
            return text;
        }

        var lines = reply.Choices.Select((choice, i) => $"  {i + 1}. {PlainText(choice.Label)}");
        return text + Environment.NewLine + string.Join(Environment.NewLine, lines);
    }

    internal static string PlainText(string markdown) => markdown.Replace("**", string.Empty, StringComparison.Ordinal);
}
