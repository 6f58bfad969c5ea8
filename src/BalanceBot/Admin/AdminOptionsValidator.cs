using Microsoft.Extensions.Options;
using BalanceBot.Core.Statistics;
using NodaTime;

namespace BalanceBot.Admin;

internal sealed class AdminOptionsValidator : IValidateOptions<AdminOptions>
{
    public ValidateOptionsResult Validate(string? name, AdminOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (options.ApiKeySha256.Any(h => !AdminApiKeys.IsHash(h)))
        {
            failures.Add("Admin:ApiKeySha256 entries must be SHA-256 hashes (64 hex digits) of the keys, never the keys: run `balancebot admin new-key` to make one.");
        }

        if (DateTimeZoneProviders.Tzdb.GetZoneOrNull(options.DefaultTimeZone) is null)
        {
            failures.Add($"Admin:DefaultTimeZone must be an IANA time zone such as Europe/London, not '{options.DefaultTimeZone}'.");
        }

        if (options.MinimumGroupSize < ParticipationStats.LowestMinimumGroupSize)
        {
            failures.Add($"Admin:MinimumGroupSize must be at least {ParticipationStats.LowestMinimumGroupSize}: smaller groups would single people out.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
