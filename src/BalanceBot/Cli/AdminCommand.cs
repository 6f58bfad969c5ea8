using System.CommandLine;
using BalanceBot.Admin;

namespace BalanceBot.Cli;

/// <summary><c>balancebot admin new-key</c>: a fresh admin API key and the hash to put in <c>Admin:ApiKeySha256</c>.</summary>
internal static class AdminCommand
{
    public static Command Create()
    {
        var newKey = new Command("new-key", "Make a random admin API key. Give the key to the wellness team's tool; put only its SHA-256 in Admin:ApiKeySha256.");
        newKey.SetAction(_ =>
        {
            var (key, hash) = AdminApiKeys.NewKey();
            System.Console.Out.WriteLine($"key:     {key}");
            System.Console.Out.WriteLine($"sha256:  {hash}");
            System.Console.Out.WriteLine("Configure the hash (e.g. Admin__ApiKeySha256__0=<sha256>) and send the key as 'Authorization: Bearer <key>'. The key is not shown again.");
            return 0;
        });

        var admin = new Command("admin", "Wellness-team admin tools.");
        admin.Subcommands.Add(newKey);
        return admin;
    }
}
