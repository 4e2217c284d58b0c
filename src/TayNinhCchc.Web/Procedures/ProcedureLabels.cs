using TayNinhCchc.Web.Content;

namespace TayNinhCchc.Web.Procedures;

/// <summary>Vietnamese labels and URL values for the procedure facets.</summary>
public static class ProcedureLabels
{
    public static string LevelCode(DeployLevel level) => level switch
    {
        DeployLevel.Province => "tinh",
        DeployLevel.District => "huyen",
        _ => "xa",
    };

    public static string LevelName(DeployLevel level) => level switch
    {
        DeployLevel.Province => "Cấp tỉnh",
        DeployLevel.District => "Cấp huyện (trước 01/7/2025)",
        _ => "Cấp xã",
    };

    public static string OnlineCode(OnlineLevel level) => level switch
    {
        OnlineLevel.Full => "toan-trinh",
        OnlineLevel.Partial => "mot-phan",
        OnlineLevel.None => "khong",
        _ => "chua-ro",
    };

    public static string OnlineName(OnlineLevel level) => level switch
    {
        OnlineLevel.Full => "Trực tuyến toàn trình",
        OnlineLevel.Partial => "Trực tuyến một phần",
        OnlineLevel.None => "Không trực tuyến",
        _ => "Chưa cập nhật",
    };

    public static string ChannelName(SubmissionChannel channel) => channel switch
    {
        SubmissionChannel.InPerson => "Trực tiếp",
        SubmissionChannel.Online => "Trực tuyến",
        _ => "Qua bưu chính công ích",
    };
}
