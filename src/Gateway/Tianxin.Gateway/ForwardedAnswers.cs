using System.Diagnostics;
using OpenTelemetry;

namespace Tianxin.Gateway;

/// <summary>
/// A service's 4xx answer (a bad field, a refusal, a conflict) is the caller's fault, not the gateway's, yet the
/// runtime marks every HTTP client span at 400 or more as an error, so normal use painted the gateway red in the
/// dashboard. Forwarded 4xx answers are left unmarked, as a server span's are; 5xx answers, failures and the gateway's
/// own calls (token keys from identity) stay errors.
/// </summary>
public sealed class ForwardedAnswers : BaseProcessor<Activity>
{
    public override void OnEnd(Activity activity)
    {
        if (activity is { Kind: ActivityKind.Client, Status: ActivityStatusCode.Error, Source.Name: "System.Net.Http", Parent.Source.Name: "Yarp.ReverseProxy" }
            && activity.GetTagItem("http.response.status_code") is int status and >= 400 and < 500)
        {
            activity.SetStatus(ActivityStatusCode.Unset);
            activity.SetTag("error.type", null);
        }
    }
}
