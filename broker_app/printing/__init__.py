"""维权卡 on paper, painted with Qt for the window and the command line alike: wallet
cards, helmet stickers, A4 sheets, PDF, printer output, the test page, QR read-back.

Qt painting only (QtGui, QtPrintSupport; a headless QApplication for fonts): no
widgets, no SQL. Below ui and cli, above services."""
