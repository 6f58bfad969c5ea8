using System.Globalization;
using BalanceBot.Core.Conversations;

namespace BalanceBot.Core.Privacy;

/// <summary><c>action: export_user_data</c>: answers with a short-lived, one-use download link to the user's data as JSON.</summary>
public sealed class ExportUserDataAction(IUserDataExport dataExport, TimeProvider time) : IDialogAction
{
    public const string NotAvailable =
        "I can't make a download link on this installation (it has no public address set up), so please ask the people who run BalanceBot for your data. Type \"my data\" to see what I keep about you.";

    public string Name => "export_user_data";

    public ValueTask<DialogActionResult> ExecuteAsync(DialogActionContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (dataExport.CreateLink(context.User.Key, context.Turn.ConversationKey) is not { } link)
        {
            context.Say(NotAvailable);
            return ValueTask.FromResult(DialogActionResult.Continue);
        }

        var minutes = Math.Max(1, (int)Math.Round((link.ExpiresUtc - time.GetUtcNow()).TotalMinutes));
        context.SaySecret(string.Create(CultureInfo.InvariantCulture,
            $"Here is everything I keep about you, as a JSON file: {link.Url}\nThe link works once, for the next {minutes} minutes, and only for you: please don't share it."));
        return ValueTask.FromResult(DialogActionResult.Continue);
    }
}
