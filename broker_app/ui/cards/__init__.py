"""维权卡 in the window and on paper: wallet cards, helmet stickers, A4 sheets, PDF,
printing, the card page and the verification dialog."""
