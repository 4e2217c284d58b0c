namespace TayNinhCchc.Benchmarks.Catalogue;

/// <summary>
/// One kind of thing a procedure acts on ("giấy phép khai thác nước dưới đất") and the verbs that go with it
/// ("Cấp", "Gia hạn"…). An empty verb means <see cref="Text"/> is already a whole procedure name.
/// </summary>
internal sealed record ProcedureObject(string Text, string Result, IReadOnlyList<string> Verbs);

/// <summary>A field (lĩnh vực) with who handles it, where, for whom, and what documents it usually asks for.</summary>
internal sealed record FieldGroup(
    string Field,
    string AgencyText,
    IReadOnlyList<string> AgencyCodes,
    IReadOnlyList<string> Levels,
    string Place,
    IReadOnlyList<string> Audiences,
    IReadOnlyList<string> Documents,
    IReadOnlyList<ProcedureObject> Objects);

/// <summary>
/// Real verbs, objects and fields of Vietnamese administrative procedures, combined by
/// <see cref="CatalogueGenerator"/> into synthetic procedure names. Only the words are real: the combinations,
/// codes and details are made up for benchmarking.
/// </summary>
internal static class NameParts
{
    private static readonly string[] Licence = ["Cấp", "Cấp lại", "Gia hạn", "Điều chỉnh"];
    private static readonly string[] Certificate = ["Cấp", "Cấp lại", "Cấp đổi"];
    private static readonly string[] IssueOnly = ["Cấp"];
    private static readonly string[] Civil = ["Đăng ký", "Đăng ký lại"];
    private static readonly string[] Business = ["Đăng ký thành lập", "Đăng ký thay đổi nội dung đăng ký", "Thông báo tạm ngừng kinh doanh", "Giải thể"];
    private static readonly string[] School = ["Thành lập", "Cho phép hoạt động giáo dục", "Sáp nhập, chia, tách", "Giải thể"];
    private static readonly string[] Whole = [""];

    private static ProcedureObject O(string text, string result, string[] verbs) => new(text, result, verbs);

    /// <summary>Who the procedure is for, appended to some names ("… cho tổ chức").</summary>
    public static IReadOnlyList<string> Subjects { get; } =
    [
        "", " cho cá nhân", " cho tổ chức", " cho hộ gia đình", " cho doanh nghiệp", " cho người nước ngoài",
        " cho người Việt Nam định cư ở nước ngoài", " cho hợp tác xã",
    ];

    /// <summary>The circumstance, appended after the subject ("… do bị mất, hư hỏng").</summary>
    public static IReadOnlyList<string> Circumstances { get; } =
    [
        "", " (cấp tỉnh)", " (cấp xã)", " lần đầu", " do bị mất, hư hỏng", " do thay đổi nội dung", " có yếu tố nước ngoài",
        " trong khu công nghiệp", " tại Trung tâm Phục vụ hành chính công", " theo thủ tục rút gọn", " trên môi trường điện tử",
        " đối với trường hợp đặc biệt", " (cấp huyện, trước 01/7/2025)", " qua dịch vụ bưu chính công ích",
        " đối với khu vực biên giới", " tại khu kinh tế cửa khẩu",
    ];

    /// <summary>Documents almost every procedure asks for.</summary>
    public static IReadOnlyList<string> CommonDocuments { get; } =
    [
        "Bản sao giấy tờ tùy thân của người nộp hồ sơ",
        "Văn bản ủy quyền (trường hợp ủy quyền thực hiện thủ tục)",
        "Bản chụp Thẻ căn cước hoặc Căn cước công dân",
        "Giấy tờ chứng minh nơi cư trú",
        "Bản sao Giấy chứng nhận đăng ký doanh nghiệp (đối với tổ chức)",
    ];

    /// <summary>Sentences added to some bodies so that page sizes vary as real ones do.</summary>
    public static IReadOnlyList<string> ExtraParagraphs { get; } =
    [
        "Trường hợp hồ sơ chưa đầy đủ, hợp lệ, cán bộ tiếp nhận hướng dẫn tổ chức, cá nhân bổ sung, hoàn thiện một lần bằng văn bản, nêu rõ loại giấy tờ và nội dung cần bổ sung.",
        "Trường hợp không giải quyết, cơ quan có thẩm quyền trả lời bằng văn bản và nêu rõ lý do; tổ chức, cá nhân có quyền khiếu nại theo quy định của pháp luật.",
        "Tổ chức, cá nhân có thể theo dõi tình trạng giải quyết hồ sơ trên Cổng Dịch vụ công hoặc qua tin nhắn điện thoại đã đăng ký khi nộp hồ sơ.",
        "Trường hợp trả kết quả qua dịch vụ bưu chính công ích, tổ chức, cá nhân thanh toán cước phí theo quy định của đơn vị cung cấp dịch vụ.",
        "Giấy tờ do cơ quan có thẩm quyền của nước ngoài cấp phải được hợp pháp hóa lãnh sự, trừ trường hợp được miễn theo điều ước quốc tế mà Việt Nam là thành viên.",
        "Trường hợp cần xác minh, cơ quan giải quyết lập Phiếu xin lỗi và hẹn lại ngày trả kết quả, nêu rõ lý do chậm trả và thời gian hẹn mới.",
    ];

    /// <summary>The fields, each with its objects. Agency codes are those of <c>content/co-quan.yml</c>.</summary>
    public static IReadOnlyList<FieldGroup> Fields { get; } =
    [
        new("Tài nguyên nước", "Sở Tài nguyên và Môi trường tỉnh Tây Ninh", ["so-tai-nguyen-va-moi-truong"], ["tinh"],
            "Trung tâm Phục vụ hành chính công tỉnh Tây Ninh", ["Tổ chức", "Cá nhân", "Doanh nghiệp"],
            ["Sơ đồ khu vực và vị trí công trình khai thác nước", "Báo cáo kết quả thăm dò đánh giá trữ lượng nước dưới đất",
             "Kết quả phân tích chất lượng nguồn nước", "Báo cáo hiện trạng khai thác, sử dụng nước"],
            [
                O("giấy phép khai thác nước dưới đất", "Giấy phép khai thác nước dưới đất", Licence),
                O("giấy phép thăm dò nước dưới đất", "Giấy phép thăm dò nước dưới đất", Licence),
                O("giấy phép khai thác, sử dụng nước mặt", "Giấy phép khai thác, sử dụng nước mặt", Licence),
                O("giấy phép xả nước thải vào nguồn nước", "Giấy phép xả nước thải vào nguồn nước", Licence),
                O("giấy phép hành nghề khoan nước dưới đất", "Giấy phép hành nghề khoan nước dưới đất", Licence),
                O("Trả lại giấy phép tài nguyên nước", "Văn bản chấp thuận trả lại giấy phép", Whole),
                O("Lấy ý kiến cộng đồng dân cư về khai thác nước", "Văn bản tổng hợp ý kiến", Whole),
            ]),
        new("Khoáng sản", "Sở Tài nguyên và Môi trường tỉnh Tây Ninh", ["so-tai-nguyen-va-moi-truong"], ["tinh"],
            "Trung tâm Phục vụ hành chính công tỉnh Tây Ninh", ["Doanh nghiệp", "Hợp tác xã"],
            ["Bản đồ khu vực thăm dò khoáng sản", "Đề án thăm dò khoáng sản", "Dự án đầu tư khai thác khoáng sản"],
            [
                O("giấy phép thăm dò khoáng sản", "Giấy phép thăm dò khoáng sản", Licence),
                O("giấy phép khai thác khoáng sản", "Giấy phép khai thác khoáng sản", Licence),
                O("giấy phép khai thác tận thu khoáng sản", "Giấy phép khai thác tận thu khoáng sản", Licence),
                O("Đóng cửa mỏ khoáng sản", "Quyết định đóng cửa mỏ khoáng sản", Whole),
            ]),
        new("Môi trường", "Sở Tài nguyên và Môi trường tỉnh Tây Ninh", ["so-tai-nguyen-va-moi-truong"], ["tinh", "huyen"],
            "Trung tâm Phục vụ hành chính công tỉnh Tây Ninh", ["Tổ chức", "Doanh nghiệp"],
            ["Báo cáo đề xuất cấp giấy phép môi trường", "Báo cáo đánh giá tác động môi trường", "Bản sao báo cáo nghiên cứu khả thi của dự án"],
            [
                O("giấy phép môi trường", "Giấy phép môi trường", ["Cấp", "Cấp lại", "Cấp đổi", "Điều chỉnh"]),
                O("báo cáo đánh giá tác động môi trường", "Quyết định phê duyệt kết quả thẩm định", ["Thẩm định", "Phê duyệt kết quả thẩm định"]),
                O("phương án cải tạo, phục hồi môi trường", "Quyết định phê duyệt phương án", ["Thẩm định", "Phê duyệt"]),
                O("Đăng ký môi trường", "Phiếu tiếp nhận đăng ký môi trường", Whole),
            ]),
        new("Đất đai", "Văn phòng Đăng ký đất đai tỉnh Tây Ninh", ["van-phong-dang-ky-dat-dai"], ["tinh", "xa"],
            "Chi nhánh Văn phòng Đăng ký đất đai hoặc Bộ phận Một cửa cấp xã", ["Công dân Việt Nam", "Hộ gia đình", "Tổ chức"],
            ["Đơn đăng ký biến động đất đai, tài sản gắn liền với đất", "Bản gốc Giấy chứng nhận đã cấp", "Hợp đồng chuyển nhượng quyền sử dụng đất đã công chứng"],
            [
                O("giấy chứng nhận quyền sử dụng đất, quyền sở hữu nhà ở và tài sản khác gắn liền với đất", "Giấy chứng nhận quyền sử dụng đất, quyền sở hữu nhà ở và tài sản khác gắn liền với đất", ["Cấp", "Cấp lại", "Cấp đổi", "Đính chính"]),
                O("Đăng ký biến động quyền sử dụng đất, quyền sở hữu tài sản gắn liền với đất", "Giấy chứng nhận đã xác nhận nội dung biến động", Whole),
                O("Tách thửa hoặc hợp thửa đất", "Giấy chứng nhận cho thửa đất mới", Whole),
                O("Chuyển mục đích sử dụng đất", "Quyết định cho phép chuyển mục đích sử dụng đất", Whole),
                O("Xóa đăng ký thế chấp quyền sử dụng đất", "Giấy chứng nhận đã xác nhận xóa thế chấp", Whole),
                O("Cung cấp thông tin, dữ liệu đất đai", "Thông tin, dữ liệu đất đai", Whole),
            ]),
        new("Xây dựng", "Ủy ban nhân dân cấp huyện; Sở Xây dựng tỉnh Tây Ninh", ["ubnd-cap-huyen", "cac-so-nganh"], ["tinh", "huyen"],
            "Trung tâm Phục vụ hành chính công tỉnh Tây Ninh hoặc Bộ phận Một cửa cấp huyện", ["Công dân Việt Nam", "Tổ chức", "Doanh nghiệp"],
            ["Bản vẽ thiết kế xây dựng", "Giấy tờ hợp pháp về quyền sử dụng đất", "Bản kê khai năng lực, kinh nghiệm của tổ chức thiết kế"],
            [
                O("giấy phép xây dựng nhà ở riêng lẻ", "Giấy phép xây dựng", Licence),
                O("giấy phép xây dựng công trình", "Giấy phép xây dựng", Licence),
                O("giấy phép xây dựng có thời hạn", "Giấy phép xây dựng có thời hạn", Licence),
                O("giấy phép di dời công trình", "Giấy phép di dời công trình", IssueOnly),
                O("chứng chỉ hành nghề hoạt động xây dựng", "Chứng chỉ hành nghề hoạt động xây dựng", ["Cấp", "Cấp lại", "Điều chỉnh, bổ sung nội dung"]),
                O("Thẩm định thiết kế xây dựng triển khai sau thiết kế cơ sở", "Văn bản thông báo kết quả thẩm định", Whole),
            ]),
        new("Hộ tịch", "Ủy ban nhân dân cấp xã", ["ubnd-cap-xa"], ["xa"],
            "Bộ phận Một cửa Ủy ban nhân dân cấp xã nơi cư trú", ["Công dân Việt Nam", "Người Việt Nam định cư ở nước ngoài"],
            ["Giấy chứng sinh", "Tờ khai đăng ký hộ tịch theo mẫu", "Giấy xác nhận tình trạng hôn nhân", "Giấy báo tử hoặc giấy tờ thay thế giấy báo tử"],
            [
                O("khai sinh", "Giấy khai sinh", Civil),
                O("kết hôn", "Giấy chứng nhận kết hôn", Civil),
                O("khai tử", "Trích lục khai tử", Civil),
                O("giám hộ", "Trích lục đăng ký giám hộ", ["Đăng ký", "Đăng ký chấm dứt"]),
                O("nhận cha, mẹ, con", "Trích lục đăng ký nhận cha, mẹ, con", ["Đăng ký"]),
                O("thay đổi, cải chính, bổ sung thông tin hộ tịch", "Trích lục thay đổi, cải chính hộ tịch", ["Đăng ký"]),
                O("giấy xác nhận tình trạng hôn nhân", "Giấy xác nhận tình trạng hôn nhân", ["Cấp", "Cấp lại"]),
                O("bản sao trích lục hộ tịch", "Bản sao trích lục hộ tịch", IssueOnly),
                O("Ghi vào Sổ hộ tịch việc hộ tịch đã giải quyết tại cơ quan có thẩm quyền nước ngoài", "Trích lục ghi vào Sổ hộ tịch", Whole),
            ]),
        new("Chứng thực", "Ủy ban nhân dân cấp xã; Phòng Tư pháp", ["ubnd-cap-xa"], ["huyen", "xa"],
            "Bộ phận Một cửa Ủy ban nhân dân cấp xã", ["Công dân Việt Nam", "Tổ chức", "Người nước ngoài"],
            ["Bản chính giấy tờ, văn bản làm cơ sở để chứng thực bản sao", "Dự thảo hợp đồng, giao dịch", "Giấy tờ chứng minh quyền sở hữu, quyền sử dụng tài sản"],
            [
                O("bản sao từ bản chính giấy tờ, văn bản", "Bản sao có chứng thực", ["Chứng thực"]),
                O("chữ ký trong các giấy tờ, văn bản", "Giấy tờ, văn bản đã chứng thực chữ ký", ["Chứng thực"]),
                O("hợp đồng, giao dịch liên quan đến tài sản là động sản", "Hợp đồng, giao dịch đã được chứng thực", ["Chứng thực"]),
                O("việc sửa đổi, bổ sung, hủy bỏ hợp đồng, giao dịch", "Hợp đồng, giao dịch đã được chứng thực", ["Chứng thực"]),
                O("di chúc", "Di chúc đã được chứng thực", ["Chứng thực"]),
                O("văn bản thỏa thuận phân chia di sản", "Văn bản đã được chứng thực", ["Chứng thực"]),
                O("Sửa lỗi sai sót trong hợp đồng, giao dịch đã được chứng thực", "Hợp đồng, giao dịch đã sửa lỗi", Whole),
            ]),
        new("Lý lịch tư pháp", "Sở Tư pháp tỉnh Tây Ninh", ["so-tu-phap"], ["tinh"],
            "Trung tâm Phục vụ hành chính công tỉnh Tây Ninh", ["Công dân Việt Nam", "Người nước ngoài"],
            ["Tờ khai yêu cầu cấp Phiếu lý lịch tư pháp", "Bản chụp hộ chiếu (đối với người nước ngoài)"],
            [
                O("Phiếu lý lịch tư pháp", "Phiếu lý lịch tư pháp", IssueOnly),
                O("Phiếu lý lịch tư pháp số 2", "Phiếu lý lịch tư pháp số 2", IssueOnly),
            ]),
        new("Thành lập và hoạt động của hộ kinh doanh", "Ủy ban nhân dân cấp xã (Phòng Kinh tế)", ["ubnd-cap-xa", "ubnd-cap-huyen"], ["huyen", "xa"],
            "Bộ phận Một cửa Ủy ban nhân dân cấp xã", ["Công dân Việt Nam", "Hộ gia đình"],
            ["Giấy đề nghị đăng ký hộ kinh doanh", "Bản sao biên bản họp thành viên hộ gia đình về việc thành lập hộ kinh doanh", "Bản sao hợp đồng thuê địa điểm kinh doanh"],
            [
                O("hộ kinh doanh", "Giấy chứng nhận đăng ký hộ kinh doanh", ["Đăng ký thành lập", "Đăng ký thay đổi nội dung đăng ký", "Tạm ngừng kinh doanh", "Chấm dứt hoạt động"]),
                O("giấy chứng nhận đăng ký hộ kinh doanh", "Giấy chứng nhận đăng ký hộ kinh doanh", ["Cấp lại"]),
            ]),
        new("Thành lập và hoạt động của doanh nghiệp", "Sở Tài chính tỉnh Tây Ninh (Phòng Đăng ký kinh doanh)", ["so-tai-chinh"], ["tinh"],
            "Trung tâm Phục vụ hành chính công tỉnh Tây Ninh", ["Doanh nghiệp", "Tổ chức", "Cá nhân"],
            ["Giấy đề nghị đăng ký doanh nghiệp", "Điều lệ công ty", "Danh sách thành viên hoặc cổ đông sáng lập", "Bản sao giấy tờ pháp lý của cá nhân đối với người đại diện theo pháp luật"],
            [
                O("doanh nghiệp tư nhân", "Giấy chứng nhận đăng ký doanh nghiệp", Business),
                O("công ty trách nhiệm hữu hạn một thành viên", "Giấy chứng nhận đăng ký doanh nghiệp", Business),
                O("công ty trách nhiệm hữu hạn hai thành viên trở lên", "Giấy chứng nhận đăng ký doanh nghiệp", Business),
                O("công ty cổ phần", "Giấy chứng nhận đăng ký doanh nghiệp", Business),
                O("công ty hợp danh", "Giấy chứng nhận đăng ký doanh nghiệp", Business),
                O("chi nhánh, văn phòng đại diện, địa điểm kinh doanh", "Giấy chứng nhận đăng ký hoạt động", Business),
                O("hợp tác xã", "Giấy chứng nhận đăng ký hợp tác xã", Business),
            ]),
        new("Cư trú", "Công an cấp xã", ["cong-an-tinh"], ["xa"],
            "Công an cấp xã nơi cư trú", ["Công dân Việt Nam"],
            ["Tờ khai thay đổi thông tin cư trú", "Giấy tờ, tài liệu chứng minh chỗ ở hợp pháp", "Văn bản đồng ý cho đăng ký cư trú của chủ hộ"],
            [
                O("thường trú", "Thông báo kết quả đăng ký thường trú", ["Đăng ký", "Xóa đăng ký"]),
                O("tạm trú", "Thông báo kết quả đăng ký tạm trú", ["Đăng ký", "Xóa đăng ký", "Gia hạn"]),
                O("Khai báo tạm vắng", "Phiếu khai báo tạm vắng", Whole),
                O("Tách hộ", "Thông báo kết quả tách hộ", Whole),
                O("Điều chỉnh thông tin về cư trú trong Cơ sở dữ liệu về cư trú", "Thông báo kết quả điều chỉnh", Whole),
            ]),
        new("Căn cước", "Công an tỉnh Tây Ninh", ["cong-an-tinh"], ["tinh", "xa"],
            "Công an cấp xã hoặc Phòng Cảnh sát quản lý hành chính về trật tự xã hội", ["Công dân Việt Nam"],
            ["Phiếu thu nhận thông tin căn cước", "Thẻ căn cước hoặc Căn cước công dân đã được cấp (trường hợp cấp đổi)"],
            [
                O("thẻ căn cước", "Thẻ căn cước", Certificate),
                O("giấy chứng nhận căn cước", "Giấy chứng nhận căn cước", ["Cấp", "Cấp lại"]),
                O("Xác nhận số chứng minh nhân dân, số căn cước công dân", "Giấy xác nhận số chứng minh nhân dân", Whole),
            ]),
        new("Đường bộ", "Sở Xây dựng tỉnh Tây Ninh", ["cac-so-nganh"], ["tinh"],
            "Trung tâm Phục vụ hành chính công tỉnh Tây Ninh", ["Công dân Việt Nam", "Người nước ngoài", "Doanh nghiệp"],
            ["Đơn đề nghị đổi, cấp lại giấy phép lái xe theo mẫu", "Giấy khám sức khỏe của người lái xe", "Bản sao giấy phép lái xe"],
            [
                O("giấy phép lái xe", "Giấy phép lái xe", ["Cấp", "Cấp lại", "Đổi"]),
                O("giấy phép kinh doanh vận tải bằng xe ô tô", "Giấy phép kinh doanh vận tải bằng xe ô tô", ["Cấp", "Cấp lại"]),
                O("phù hiệu xe ô tô kinh doanh vận tải", "Phù hiệu xe", ["Cấp", "Cấp lại"]),
                O("giấy phép lưu hành xe quá tải trọng, xe quá khổ giới hạn", "Giấy phép lưu hành xe", IssueOnly),
            ]),
        new("Giáo dục và Đào tạo", "Sở Giáo dục và Đào tạo tỉnh Tây Ninh", ["so-giao-duc-va-dao-tao"], ["tinh", "huyen"],
            "Trung tâm Phục vụ hành chính công tỉnh Tây Ninh", ["Tổ chức", "Cá nhân", "Công dân Việt Nam"],
            ["Tờ trình đề nghị", "Đề án thành lập", "Bản sao văn bằng, chứng chỉ của người đứng đầu"],
            [
                O("trường mầm non", "Quyết định", School),
                O("trường tiểu học", "Quyết định", School),
                O("trường trung học cơ sở", "Quyết định", School),
                O("trường trung học phổ thông", "Quyết định", School),
                O("trung tâm ngoại ngữ, tin học", "Quyết định", School),
                O("bản sao văn bằng, chứng chỉ từ sổ gốc", "Bản sao văn bằng, chứng chỉ", IssueOnly),
                O("Chỉnh sửa nội dung văn bằng, chứng chỉ", "Quyết định chỉnh sửa văn bằng, chứng chỉ", Whole),
                O("Chuyển trường đối với học sinh trung học phổ thông", "Văn bản đồng ý tiếp nhận", Whole),
            ]),
        new("Y tế", "Sở Y tế tỉnh Tây Ninh", ["cac-so-nganh"], ["tinh"],
            "Trung tâm Phục vụ hành chính công tỉnh Tây Ninh", ["Cá nhân", "Tổ chức", "Doanh nghiệp"],
            ["Bản sao văn bằng chuyên môn", "Giấy xác nhận quá trình thực hành", "Danh sách nhân sự và thiết bị y tế"],
            [
                O("chứng chỉ hành nghề khám bệnh, chữa bệnh", "Chứng chỉ hành nghề", ["Cấp", "Cấp lại", "Điều chỉnh"]),
                O("giấy phép hoạt động khám bệnh, chữa bệnh", "Giấy phép hoạt động", ["Cấp", "Cấp lại", "Điều chỉnh"]),
                O("giấy chứng nhận đủ điều kiện kinh doanh dược", "Giấy chứng nhận đủ điều kiện kinh doanh dược", ["Cấp", "Cấp lại", "Điều chỉnh"]),
                O("giấy chứng nhận cơ sở đủ điều kiện an toàn thực phẩm", "Giấy chứng nhận cơ sở đủ điều kiện an toàn thực phẩm", ["Cấp", "Cấp lại"]),
            ]),
        new("Việc làm", "Sở Nội vụ tỉnh Tây Ninh", ["so-noi-vu"], ["tinh"],
            "Trung tâm Phục vụ hành chính công tỉnh Tây Ninh", ["Doanh nghiệp", "Người nước ngoài", "Công dân Việt Nam"],
            ["Văn bản đề nghị của người sử dụng lao động", "Giấy chứng nhận sức khỏe", "Phiếu lý lịch tư pháp"],
            [
                O("giấy phép lao động cho người nước ngoài làm việc tại Việt Nam", "Giấy phép lao động", ["Cấp", "Cấp lại", "Gia hạn"]),
                O("giấy phép hoạt động cho thuê lại lao động", "Giấy phép hoạt động cho thuê lại lao động", ["Cấp", "Cấp lại", "Gia hạn", "Thu hồi"]),
                O("Giải quyết hưởng trợ cấp thất nghiệp", "Quyết định hưởng trợ cấp thất nghiệp", Whole),
                O("Đăng ký nội quy lao động", "Thông báo về việc đăng ký nội quy lao động", Whole),
            ]),
        new("Lưu thông hàng hóa trong nước", "Sở Công Thương tỉnh Tây Ninh", ["so-cong-thuong"], ["tinh", "huyen"],
            "Trung tâm Phục vụ hành chính công tỉnh Tây Ninh", ["Doanh nghiệp", "Hộ kinh doanh"],
            ["Bản sao hợp đồng mua bán với nhà cung cấp", "Bản mô tả địa điểm kinh doanh", "Bảng kê trang thiết bị"],
            [
                O("giấy phép bán lẻ sản phẩm thuốc lá", "Giấy phép bán lẻ sản phẩm thuốc lá", ["Cấp", "Cấp lại", "Cấp sửa đổi, bổ sung"]),
                O("giấy phép bán lẻ rượu", "Giấy phép bán lẻ rượu", ["Cấp", "Cấp lại", "Cấp sửa đổi, bổ sung"]),
                O("giấy phép sản xuất rượu thủ công nhằm mục đích kinh doanh", "Giấy phép sản xuất rượu thủ công", ["Cấp", "Cấp lại"]),
                O("giấy chứng nhận đủ điều kiện cửa hàng bán lẻ xăng dầu", "Giấy chứng nhận đủ điều kiện", ["Cấp", "Cấp lại", "Điều chỉnh"]),
                O("Đăng ký thực hiện khuyến mại", "Văn bản xác nhận đăng ký khuyến mại", Whole),
            ]),
        new("Văn hóa", "Sở Văn hóa, Thể thao và Du lịch tỉnh Tây Ninh", ["cac-so-nganh"], ["tinh", "huyen"],
            "Trung tâm Phục vụ hành chính công tỉnh Tây Ninh", ["Tổ chức", "Cá nhân", "Hộ kinh doanh"],
            ["Đơn đề nghị theo mẫu", "Bản sao giấy tờ chứng minh quyền sử dụng địa điểm", "Kế hoạch tổ chức"],
            [
                O("giấy phép kinh doanh dịch vụ karaoke", "Giấy phép kinh doanh dịch vụ karaoke", ["Cấp", "Điều chỉnh"]),
                O("giấy phép kinh doanh dịch vụ vũ trường", "Giấy phép kinh doanh dịch vụ vũ trường", ["Cấp", "Điều chỉnh"]),
                O("Đăng ký tổ chức lễ hội", "Văn bản chấp thuận tổ chức lễ hội", Whole),
                O("Công nhận danh hiệu gia đình văn hóa", "Giấy công nhận", Whole),
            ]),
        new("Trồng trọt và bảo vệ thực vật", "Sở Nông nghiệp và Môi trường tỉnh Tây Ninh", ["cac-so-nganh"], ["tinh"],
            "Trung tâm Phục vụ hành chính công tỉnh Tây Ninh", ["Tổ chức", "Cá nhân", "Hộ kinh doanh"],
            ["Bản thuyết minh điều kiện buôn bán", "Bản sao giấy chứng nhận bồi dưỡng chuyên môn"],
            [
                O("giấy chứng nhận đủ điều kiện buôn bán thuốc bảo vệ thực vật", "Giấy chứng nhận đủ điều kiện", ["Cấp", "Cấp lại"]),
                O("giấy chứng nhận đủ điều kiện buôn bán phân bón", "Giấy chứng nhận đủ điều kiện", ["Cấp", "Cấp lại"]),
                O("Công nhận xã đạt chuẩn nông thôn mới", "Quyết định công nhận", Whole),
                O("Công nhận làng nghề", "Quyết định công nhận làng nghề", Whole),
            ]),
        new("Xuất bản, In và Phát hành", "Sở Văn hóa, Thể thao và Du lịch tỉnh Tây Ninh", ["cac-so-nganh"], ["tinh"],
            "Trung tâm Phục vụ hành chính công tỉnh Tây Ninh", ["Tổ chức", "Doanh nghiệp"],
            ["Đơn đề nghị theo mẫu", "Bản sao quyết định thành lập hoặc giấy chứng nhận đăng ký doanh nghiệp", "Danh sách nhân sự"],
            [
                O("giấy phép xuất bản bản tin", "Giấy phép xuất bản bản tin", ["Cấp", "Cấp lại", "Sửa đổi, bổ sung"]),
                O("giấy phép hoạt động in", "Giấy phép hoạt động in", ["Cấp", "Cấp lại", "Sửa đổi, bổ sung"]),
                O("giấy phép thiết lập trang thông tin điện tử tổng hợp", "Giấy phép thiết lập trang thông tin điện tử tổng hợp", ["Cấp", "Gia hạn", "Sửa đổi, bổ sung"]),
            ]),
        new("Bảo trợ xã hội", "Ủy ban nhân dân cấp xã", ["ubnd-cap-xa"], ["xa"],
            "Bộ phận Một cửa Ủy ban nhân dân cấp xã", ["Công dân Việt Nam", "Hộ gia đình"],
            ["Tờ khai đề nghị trợ giúp xã hội", "Bản sao giấy tờ chứng minh đối tượng", "Giấy xác nhận khuyết tật (nếu có)"],
            [
                O("Thực hiện, điều chỉnh, thôi hưởng trợ cấp xã hội hằng tháng", "Quyết định trợ cấp xã hội hằng tháng", Whole),
                O("Hỗ trợ chi phí mai táng", "Quyết định hỗ trợ chi phí mai táng", Whole),
                O("Xác định, xác định lại mức độ khuyết tật và cấp Giấy xác nhận khuyết tật", "Giấy xác nhận khuyết tật", Whole),
                O("Trợ giúp xã hội khẩn cấp về hỗ trợ làm nhà ở, sửa chữa nhà ở", "Quyết định hỗ trợ", Whole),
            ]),
        new("Thi đua, khen thưởng", "Sở Nội vụ tỉnh Tây Ninh", ["so-noi-vu"], ["tinh", "huyen", "xa"],
            "Sở Nội vụ tỉnh Tây Ninh", ["Tổ chức", "Cá nhân", "Hộ gia đình"],
            ["Tờ trình đề nghị khen thưởng", "Báo cáo thành tích", "Biên bản họp Hội đồng thi đua, khen thưởng"],
            [
                O("Tặng Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh", "Quyết định khen thưởng", Whole),
                O("Tặng danh hiệu Chiến sĩ thi đua cấp tỉnh", "Quyết định khen thưởng", Whole),
                O("Tặng Giấy khen của Chủ tịch Ủy ban nhân dân cấp xã", "Quyết định khen thưởng", Whole),
            ]),
    ];
}
